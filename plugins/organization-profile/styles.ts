/**
 * `<OrganizationProfile/>`'s rules. It shares the profile layout's element names (navbar, sections,
 * items) with `<UserProfile/>`, whose rules load only with that view, so the layout rules are repeated
 * here under the organization root (:where() keeps their specificity equal).
 */
export const organizationProfileStyles = `.cl-inviteMembers{display:flex;flex-direction:column;gap:var(--cl-space);width:30rem;max-width:min(100%,calc(100vw - 2rem));padding:calc(var(--cl-space)*1.5);background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5);box-sizing:border-box}
.cl-organizationProfile{display:flex;gap:calc(var(--cl-space)*1.5);width:50rem;max-width:min(100%,calc(100vw - 2rem));min-height:30rem;padding:calc(var(--cl-space)*1.5);background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5);box-sizing:border-box}
:where(.cl-organizationProfile) .cl-navbar{display:flex;flex-direction:column;gap:.25rem;min-width:10rem}
:where(.cl-organizationProfile) .cl-navbarButton{padding:.45rem .75rem;background:none;border:0;border-radius:var(--cl-radius);text-align:left;cursor:pointer;color:inherit}
:where(.cl-organizationProfile) .cl-navbarButton[aria-current=page]{background:color-mix(in srgb,var(--cl-text) 8%,transparent);font-weight:600}
:where(.cl-organizationProfile) .cl-pageScrollBox{display:flex;flex-direction:column;gap:calc(var(--cl-space)*1.5);flex:1;min-width:0}
:where(.cl-organizationProfile,.cl-inviteMembers) .cl-profileSection{display:flex;flex-direction:column;gap:.6rem;padding-top:var(--cl-space);border-top:1px solid var(--cl-border)}
:where(.cl-organizationProfile,.cl-inviteMembers) .cl-profileSectionTitle{margin:0;font-size:1em;font-weight:600}
:where(.cl-organizationProfile,.cl-inviteMembers) .cl-profileSectionContent{display:flex;flex-direction:column;gap:.6rem}
:where(.cl-organizationProfile) .cl-profileSectionItem{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
:where(.cl-organizationProfile) .cl-profileSectionItemText{flex:1;min-width:10rem;overflow-wrap:anywhere}
:where(.cl-organizationProfile) .cl-profileSectionPrimaryButton{background:none;border:0;padding:.2rem .4rem;color:var(--cl-primary);font-weight:500;cursor:pointer}
:where(.cl-organizationProfile) .cl-profileSectionPrimaryButton__danger{color:var(--cl-danger-text)}
:where(.cl-organizationProfile) .cl-badge{padding:0 .4rem;border:1px solid var(--cl-border);border-radius:999px;font-size:.8em;color:var(--cl-text2)}
:where(.cl-organizationProfile) .cl-organizationAvatar{display:inline-flex;align-items:center;justify-content:center;width:3rem;height:3rem;border-radius:var(--cl-radius);overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600}
:where(.cl-organizationProfile) .cl-organizationAvatar img{width:100%;height:100%;object-fit:cover}
:where(.cl-organizationProfile) .cl-formButtonPrimary__danger{background:var(--cl-danger);border-color:var(--cl-danger)}
.cl-membersTabs{display:flex;flex-wrap:wrap;gap:.25rem;border-bottom:1px solid var(--cl-border)}
.cl-membersTab{padding:.4rem .7rem;background:none;border:0;border-bottom:2px solid transparent;cursor:pointer;color:inherit}
.cl-membersTab[aria-selected=true]{border-bottom-color:var(--cl-primary);font-weight:600}
.cl-memberRow{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.4rem 0;border-bottom:1px solid var(--cl-border)}
.cl-memberIdentity{flex:1;min-width:10rem;display:flex;flex-direction:column;overflow-wrap:anywhere}
.cl-memberIdentifier{color:var(--cl-text2);font-size:.9em}
.cl-selectInput{max-width:100%;padding:.35rem .5rem;border:1px solid var(--cl-border);border-radius:var(--cl-radius);background:var(--cl-bg);color:inherit;font:inherit}
.cl-paginationRow{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem}
@media (max-width:40rem){.cl-organizationProfile{flex-direction:column;padding:var(--cl-space)}:where(.cl-organizationProfile) .cl-navbar{flex-direction:row;flex-wrap:wrap;min-width:0}}`;
