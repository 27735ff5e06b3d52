/** `<UserProfile/>`'s own rules (navbar, sections, avatar, backup codes, QR code); the ui host's sheet has the shared parts. */
// Phones: the navbar goes above the page as a row, so the page keeps the width.
// The avatar rule is scoped with :where() (no added specificity): <UserButton/> sizes its avatar differently.
export const userProfileStyles = `.cl-userProfile{display:flex;gap:calc(var(--cl-space)*1.5);width:50rem;max-width:min(100%,calc(100vw - 2rem));min-height:30rem;padding:calc(var(--cl-space)*1.5);background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5)}
.cl-navbar{display:flex;flex-direction:column;gap:.25rem;min-width:10rem}
.cl-navbarButton{padding:.45rem .75rem;background:none;border:0;border-radius:var(--cl-radius);text-align:left;cursor:pointer}
.cl-navbarButton[aria-current=page]{background:color-mix(in srgb,var(--cl-text) 8%,transparent);font-weight:600}
.cl-pageScrollBox{display:flex;flex-direction:column;gap:calc(var(--cl-space)*1.5);flex:1;min-width:0}
.cl-profileSection{display:flex;flex-direction:column;gap:.6rem;padding-top:var(--cl-space);border-top:1px solid var(--cl-border)}
.cl-profileSectionTitle{margin:0;font-size:1em;font-weight:600}
.cl-profileSectionItem{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
.cl-profileSectionItemText{flex:1;min-width:10rem;overflow-wrap:anywhere}
.cl-profileSectionPrimaryButton{background:none;border:0;padding:.2rem .4rem;color:var(--cl-primary);font-weight:500;cursor:pointer}
.cl-profileSectionPrimaryButton__danger{color:var(--cl-danger-text)}
.cl-badge{padding:0 .4rem;border:1px solid var(--cl-border);border-radius:999px;font-size:.8em;color:var(--cl-text2)}
:where(.cl-userProfile) .cl-avatarBox{display:inline-flex;align-items:center;justify-content:center;width:3rem;height:3rem;border-radius:50%;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600}
.cl-avatarImage{width:100%;height:100%;object-fit:cover}
.cl-backupCodes{margin:0;padding:0;list-style:none;display:grid;grid-template-columns:repeat(2,1fr);gap:.25rem;font-family:monospace}
.cl-formFieldSuccessText{margin:0;color:var(--cl-success)}
.cl-totpQrCode{display:block;width:12rem;height:12rem;max-width:100%}
@media (max-width:40rem){.cl-userProfile{flex-direction:column;padding:var(--cl-space)}.cl-navbar{flex-direction:row;min-width:0}}`;
