import { organizationPartsStyles } from '../create-organization/styles.js';

/** `<OrganizationSwitcher/>`'s rules (trigger, popover), after the shared organization parts'. */
export const organizationSwitcherStyles = `${organizationPartsStyles}
.cl-organizationSwitcherBox{position:relative;display:inline-flex;align-items:center;min-width:0;max-width:100%}
.cl-organizationSwitcherTrigger{display:inline-flex;align-items:center;gap:.5rem;min-width:0;max-width:16rem;padding:.35rem .5rem;background:none;border:1px solid transparent;border-radius:var(--cl-radius);cursor:pointer}
.cl-organizationSwitcherTrigger:hover,.cl-organizationSwitcherTrigger[aria-expanded=true]{background:color-mix(in srgb,var(--cl-text) 6%,transparent)}
.cl-organizationSwitcherTriggerIcon{flex:none;width:.9rem;height:.9rem;color:var(--cl-text2)}
.cl-organizationSwitcherPopoverCard{position:absolute;top:calc(100% + .5rem);left:0;z-index:2147482000;display:flex;flex-direction:column;width:20rem;max-width:calc(100vw - 1rem);padding:.25rem 0;background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:var(--cl-radius);box-shadow:0 8px 24px rgba(0,0,0,.12)}
.cl-organizationSwitcherPopoverActive{display:flex;align-items:center;justify-content:space-between;gap:.75rem;padding:.75rem 1rem}
.cl-organizationSwitcherPopoverList{display:flex;flex-direction:column;margin:0;padding:0;list-style:none;border-top:1px solid var(--cl-border)}
.cl-organizationSwitcherPopoverSectionTitle{margin:0;padding:.6rem 1rem .2rem;color:var(--cl-text2);font-size:.85em;font-weight:500;border-top:1px solid var(--cl-border)}
.cl-organizationSwitcherPreviewButton,.cl-organizationSwitcherPopoverActionButton{display:flex;align-items:center;gap:.75rem;width:100%;padding:.6rem 1rem;background:none;border:0;text-align:left;cursor:pointer}
.cl-organizationSwitcherPopoverActionButton{border-top:1px solid var(--cl-border);color:var(--cl-text2);font-weight:500}
.cl-organizationSwitcherPreviewButton:hover,.cl-organizationSwitcherPreviewButton:focus,.cl-organizationSwitcherPopoverActionButton:hover,.cl-organizationSwitcherPopoverActionButton:focus{background:color-mix(in srgb,var(--cl-text) 6%,transparent)}
.cl-organizationSwitcherPreviewButton:disabled,.cl-organizationSwitcherPopoverActionButton:disabled,.cl-organizationSwitcherInvitationAcceptButton:disabled{cursor:wait;opacity:.6}
.cl-organizationSwitcherPopoverActionButtonIcon{display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border:1px dashed var(--cl-border);border-radius:calc(var(--cl-radius)*.75)}
.cl-organizationSwitcherManageButton{flex:none;padding:.35em .7em;background:transparent;border:1px solid var(--cl-border);border-radius:var(--cl-radius);cursor:pointer;font-weight:500}
.cl-organizationSwitcherInvitationRow{display:flex;align-items:center;justify-content:space-between;gap:.75rem;padding:.5rem 1rem}
.cl-organizationSwitcherInvitationAcceptButton{flex:none;padding:.3em .75em;background:transparent;border:1px solid var(--cl-border);border-radius:var(--cl-radius);cursor:pointer;font-weight:500}
.cl-organizationSwitcherPopoverCard .cl-alert{margin:.5rem 1rem}`;
