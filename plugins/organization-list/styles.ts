import { organizationPartsStyles } from '../create-organization/styles.js';

/** `<OrganizationList/>`'s rules (rows, their actions), after the shared organization parts'. */
export const organizationListStyles = `${organizationPartsStyles}
.cl-organizationListPreviewItems{display:flex;flex-direction:column;margin:0 calc(var(--cl-space)*-2);padding:0;list-style:none;border-top:1px solid var(--cl-border)}
.cl-organizationListPreviewItem{display:flex;align-items:center;justify-content:space-between;gap:.75rem;padding:.75rem calc(var(--cl-space)*2);border-bottom:1px solid var(--cl-border)}
.cl-organizationListPreviewItem__personal,.cl-organizationListPreviewItem__organization{padding:0}
.cl-organizationListPreviewButton{display:flex;flex:1;align-items:center;justify-content:space-between;gap:.75rem;min-width:0;padding:.75rem calc(var(--cl-space)*2);background:none;border:0;text-align:left;cursor:pointer}
.cl-organizationListPreviewButton:hover,.cl-organizationListPreviewButton:focus-visible{background:color-mix(in srgb,var(--cl-text) 5%,transparent)}
.cl-organizationListPreviewButton:disabled,.cl-organizationListPreviewItemActionButton:disabled,.cl-organizationListCreateOrganizationActionButton:disabled{cursor:wait;opacity:.6}
.cl-organizationListPreviewButtonIcon{flex:none;color:var(--cl-text2)}
.cl-organizationListPreviewItemActionButton{flex:none;padding:.35em .8em;background:transparent;border:1px solid var(--cl-border);border-radius:var(--cl-radius);cursor:pointer;font-weight:500}
.cl-organizationListCreateOrganizationActionButton{display:flex;align-items:center;gap:.75rem;width:100%;padding:.25rem 0;background:none;border:0;color:var(--cl-text2);font-weight:500;cursor:pointer;text-align:left}
.cl-organizationListEmpty{margin:0;color:var(--cl-text2);text-align:center}
.cl-organizationList .cl-organizationSwitcherPopoverActionButtonIcon,.cl-organizationListCreateOrganizationActionButtonIcon{display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border:1px dashed var(--cl-border);border-radius:calc(var(--cl-radius)*.75)}`;
