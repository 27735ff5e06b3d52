/** `<UserProfile/>`'s own rules (navbar, section rows, ⋯ menus, inline forms, devices, backup codes, QR code); the ui host's sheet has the shared parts. */
// Under 37.5rem (600 px) the navbar becomes a top bar and each section stacks its title above its rows.
// The avatar rule is scoped with :where() (no added specificity): <UserButton/> sizes its avatar differently.
const hover = 'background:color-mix(in srgb,var(--cl-text) 6%,transparent)';
const box = 'display:flex;flex-direction:column;gap:.75rem;width:100%;padding:var(--cl-space);border:1px solid var(--cl-border);border-radius:var(--cl-radius)';
export const userProfileStyles = `.cl-userProfile{display:flex;width:55rem;max-width:min(100%,calc(100vw - 2rem));min-height:34rem;overflow:hidden;background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5);box-shadow:0 4px 24px rgba(0,0,0,.08)}
:where(.cl-userProfile) .cl-navbar{display:flex;flex-direction:column;gap:.15rem;flex:none;width:12rem;padding:calc(var(--cl-space)*1.5) .75rem;background:color-mix(in srgb,var(--cl-neutral,var(--cl-text)) 3%,var(--cl-bg));border-right:1px solid var(--cl-border)}
.cl-navbarHeader{padding:0 .5rem 1rem}
.cl-navbarTitle{margin:0;font-size:1.45em;font-weight:700}
.cl-navbarDescription{margin:0;color:var(--cl-text2)}
:where(.cl-userProfile) .cl-navbarButton{padding:.4rem .6rem;background:none;border:0;border-radius:var(--cl-radius);text-align:left;cursor:pointer;color:var(--cl-text2)}
:where(.cl-userProfile) .cl-navbarButton:hover{${hover}}
:where(.cl-userProfile) .cl-navbarButton[aria-current=page]{background:color-mix(in srgb,var(--cl-text) 8%,transparent);color:var(--cl-text);font-weight:500}
:where(.cl-userProfile) .cl-pageScrollBox{flex:1;min-width:0;padding:calc(var(--cl-space)*1.75) calc(var(--cl-space)*2)}
:where(.cl-userProfile) .cl-pageScrollBox>.cl-headerTitle{padding-bottom:var(--cl-space);border-bottom:1px solid var(--cl-border)}
:where(.cl-userProfile) .cl-profileSection{display:grid;grid-template-columns:minmax(7rem,1fr) 2fr;gap:.5rem 1.5rem;padding:var(--cl-space) 0;border-bottom:1px solid var(--cl-border)}
:where(.cl-userProfile) .cl-profileSection:last-child{border-bottom:0}
:where(.cl-userProfile) .cl-profileSectionTitle{margin:0;padding-top:.35rem;font-size:1em;font-weight:500}
:where(.cl-userProfile) .cl-profileSectionContent{display:flex;flex-direction:column;align-items:flex-start;gap:.35rem;min-width:0}
:where(.cl-userProfile) .cl-profileSectionItem{display:flex;align-items:center;gap:.75rem;width:100%;min-width:0;min-height:2rem}
:where(.cl-userProfile) .cl-profileSectionItemText{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;flex:1;min-width:0;overflow-wrap:break-word}
.cl-identifier{min-width:0;max-width:100%;overflow-wrap:break-word}
:where(.cl-userProfile) .cl-profileSectionPrimaryButton,.cl-menuButton{display:inline-flex;align-items:center;gap:.4rem;padding:.35rem .5rem;background:none;border:0;border-radius:var(--cl-radius);color:var(--cl-text);font-weight:500;cursor:pointer;text-align:left}
.cl-menuButton{padding:.35rem;color:var(--cl-text2)}
:where(.cl-userProfile) .cl-profileSectionPrimaryButton:hover,.cl-menuButton:hover,.cl-menuButton[aria-expanded=true],.cl-menuItem:hover,.cl-menuItem:focus,.cl-formButtonReset:hover{${hover}}
:where(.cl-userProfile) .cl-profileSectionPrimaryButton__danger,.cl-menuItem__danger{color:var(--cl-danger-text)}
.cl-menuBox{position:relative;flex:none}
.cl-menuList{position:absolute;left:0;top:calc(100% + .25rem);z-index:10;display:flex;flex-direction:column;min-width:11rem;max-width:calc(100vw - 3rem);padding:.25rem;background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:var(--cl-radius);box-shadow:0 8px 24px rgba(0,0,0,.14)}
.cl-menuList__menu{left:auto;right:0}
.cl-menuItem{padding:.45rem .6rem;background:none;border:0;border-radius:calc(var(--cl-radius)*.75);text-align:left;cursor:pointer;outline-offset:-2px}
.cl-icon{display:block;flex:none}
:where(.cl-userProfile) .cl-badge{padding:0 .4rem;border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*.6);font-size:.8em;color:var(--cl-text2);white-space:nowrap}
.cl-profileSectionForm,.cl-totpSetup,.cl-backupCodesBox{${box}}
.cl-profileSectionForm{box-shadow:0 1px 4px rgba(0,0,0,.08)}
.cl-profileSectionForm__danger{border-color:color-mix(in srgb,var(--cl-danger) 45%,transparent)}
.cl-profileSectionFormTitle{margin:0;font-size:1em;font-weight:600}
.cl-profileSectionForm p,.cl-totpSetup p,.cl-backupCodesBox p{margin:0}
.cl-formButtonRow{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:.5rem}
.cl-formButtonRow .cl-formButtonPrimary{width:auto}
.cl-formButtonReset{padding:.6em 1em;background:none;border:0;border-radius:var(--cl-radius);cursor:pointer;font-weight:500}
.cl-formButtonPrimary__danger{background:var(--cl-danger);border-color:var(--cl-danger);color:#fff}
.cl-formFieldRow__names{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
:where(.cl-userProfile) .cl-avatarBox{display:inline-flex;align-items:center;justify-content:center;flex:none;width:3rem;height:3rem;border-radius:50%;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600}
.cl-avatarImage{width:100%;height:100%;object-fit:cover}
.cl-profileImageActions{display:flex;flex-direction:column;align-items:flex-start;gap:.15rem}
.cl-profileImageTitle{font-weight:500}
.cl-profileSectionItem__device{align-items:flex-start}
.cl-deviceIcon{display:flex;align-self:flex-start;padding:.45rem;border:1px solid var(--cl-border);border-radius:var(--cl-radius);color:var(--cl-text2)}
.cl-deviceDetails{display:flex;flex-direction:column;min-width:0;color:var(--cl-text2)}
.cl-deviceName{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem;color:var(--cl-text);font-weight:500}
.cl-passwordDots{flex:1;letter-spacing:.15em}
.cl-backupCodes{margin:0;padding:0;list-style:none;display:grid;grid-template-columns:repeat(2,1fr);gap:.25rem;font-family:monospace}
.cl-backupCodesActions{display:flex;flex-wrap:wrap;gap:.25rem}
.cl-totpUri,.cl-totpSecret{overflow-wrap:anywhere}
.cl-totpQrCode{display:block;width:12rem;height:12rem;max-width:100%}
@media (max-width:37.5rem){.cl-userProfile{flex-direction:column;min-height:0}:where(.cl-userProfile) .cl-navbar{flex-direction:row;flex-wrap:wrap;width:auto;padding:.5rem 3rem .5rem .5rem;border-right:0;border-bottom:1px solid var(--cl-border)}.cl-navbarHeader{display:none}:where(.cl-userProfile) .cl-pageScrollBox{padding:var(--cl-space)}:where(.cl-userProfile) .cl-profileSection,.cl-formFieldRow__names{grid-template-columns:minmax(0,1fr)}}`;
