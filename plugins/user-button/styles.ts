/** `<UserButton/>`'s own rules (trigger, popover menu, avatar); the ui host's sheet has the shared parts. */
// The avatar rule is scoped with :where() (no added specificity): <UserProfile/> sizes its avatar differently.
export const userButtonStyles = `.cl-userButtonBox{position:relative;display:inline-flex;align-items:center}
.cl-userButtonTrigger{display:inline-flex;align-items:center;gap:.5rem;background:none;border:0;padding:0;cursor:pointer;border-radius:999px}
:where(.cl-userButtonBox) .cl-avatarBox{display:inline-flex;align-items:center;justify-content:center;flex:none;width:2rem;height:2rem;border-radius:50%;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600;font-size:.8em}
.cl-avatarImage{width:100%;height:100%;object-fit:cover}
.cl-userButtonPopoverCard{position:absolute;top:calc(100% + .5rem);right:0;z-index:2147482000;display:flex;flex-direction:column;min-width:17rem;padding:.5rem 0;background:var(--cl-bg);border:1px solid var(--cl-border);border-radius:var(--cl-radius);box-shadow:0 8px 24px rgba(0,0,0,.12)}
.cl-userPreview{display:flex;align-items:center;gap:.75rem;padding:.5rem 1rem}
.cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0}
.cl-userPreviewMainIdentifier{font-weight:600}
.cl-userPreviewSecondaryIdentifier{color:var(--cl-text2);overflow:hidden;text-overflow:ellipsis}
.cl-userButtonPopoverActionButton{display:flex;align-items:center;gap:.75rem;width:100%;padding:.55rem 1rem;background:none;border:0;text-align:left;cursor:pointer}
.cl-userButtonPopoverActionButton:hover,.cl-userButtonPopoverActionButton:focus{background:color-mix(in srgb,var(--cl-text) 6%,transparent)}
.cl-userButtonPopoverActionButtonIcon{margin:0 .5rem;color:var(--cl-text2)}
.cl-userButtonPopoverDivider{height:1px;margin:.35rem 0;background:var(--cl-border)}`;
