/** The organization components' shared rules (avatars, previews, logo picker, create/invite form rows); the ui host's sheet has the form kit's. */
// Two classes for the user preview: <UserButton/>'s sheet pads its own `.cl-userPreview`, which must not reach ours.
export const organizationPartsStyles = `.cl-organizationPreview,.cl-userPreview{display:flex;align-items:center;gap:.75rem;min-width:0}
:is(.cl-organizationSwitcherBox,.cl-organizationList) .cl-userPreview{padding:0}
.cl-organizationPreviewTextContainer,.cl-userPreviewTextContainer{display:flex;flex-direction:column;min-width:0;text-align:left}
.cl-organizationPreviewMainIdentifier,.cl-userPreviewMainIdentifier{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cl-organizationPreviewSecondaryIdentifier,.cl-userPreviewSecondaryIdentifier{color:var(--cl-text2);font-size:.9em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cl-organizationAvatarBox,.cl-userAvatarBox{display:inline-flex;align-items:center;justify-content:center;flex:none;width:2rem;height:2rem;overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600;font-size:.8em}
.cl-organizationAvatarBox{border-radius:calc(var(--cl-radius)*.75)}
.cl-userAvatarBox{border-radius:50%}
.cl-organizationAvatarBox__upload{width:4rem;height:4rem;font-size:1.2em;background:color-mix(in srgb,var(--cl-text) 8%,transparent);color:var(--cl-text2);border:1px dashed var(--cl-border)}
.cl-organizationAvatarImage,.cl-userAvatarImage{width:100%;height:100%;object-fit:cover}
.cl-organizationLogoSection{display:flex;align-items:center;gap:1rem}
.cl-organizationLogoActions{display:flex;flex-direction:column;gap:.35rem;min-width:0}
.cl-organizationLogoButtons{display:flex;gap:.5rem;flex-wrap:wrap}
.cl-organizationLogoButton,.cl-formButtonReset{padding:.4em .8em;background:transparent;border:1px solid var(--cl-border);border-radius:var(--cl-radius);cursor:pointer;font-weight:500}
.cl-organizationLogoButton:disabled,.cl-formButtonReset:disabled{opacity:.6;cursor:wait}
.cl-organizationLogoInput{position:absolute;width:1px;height:1px;opacity:0;pointer-events:none}
.cl-formButtonRow{display:flex;gap:.75rem;align-items:center}
.cl-formButtonRow .cl-formButtonReset{flex:none;padding:.6em 1em}
.cl-visuallyHidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.cl-organizationSuggestionAcceptedLabel{color:var(--cl-text2);font-size:.9em;white-space:nowrap}`;
