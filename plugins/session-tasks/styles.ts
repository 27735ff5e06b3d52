/** The task components' own rules; cards, forms and buttons come from the ui host's sheet. */
export const sessionTasksStyles =
  '.cl-taskChooseOrganizationPreviewItems{display:flex;flex-direction:column;gap:.5rem;list-style:none;margin:0;padding:0}' +
  '.cl-taskChooseOrganizationPreviewButton{display:flex;width:100%;align-items:center;gap:.75rem;padding:.625rem .75rem;border:1px solid var(--cl-border);border-radius:var(--cl-radius);background:none;color:inherit;font:inherit;text-align:start;cursor:pointer}' +
  '.cl-taskChooseOrganizationPreviewButton:hover,.cl-taskChooseOrganizationPreviewButton:focus-visible{background:color-mix(in srgb,var(--cl-text) 5%,transparent)}' +
  '.cl-organizationPreviewAvatarBox{display:inline-flex;align-items:center;justify-content:center;flex:none;width:2rem;height:2rem;border-radius:calc(var(--cl-radius) * .75);overflow:hidden;background:var(--cl-primary);color:var(--cl-on-primary);font-weight:600}' +
  '.cl-organizationPreviewAvatarImage{width:100%;height:100%;object-fit:cover}' +
  '.cl-taskSetupMfaTotpQrCode{display:block;width:12rem;height:12rem;margin:0 auto;background:#fff;border-radius:var(--cl-radius)}' +
  '.cl-taskSetupMfaTotpKey,.cl-taskSetupMfaBackupCodes{font-family:ui-monospace,monospace;word-break:break-all;user-select:all}' +
  '.cl-taskSetupMfaBackupCodes{display:grid;grid-template-columns:repeat(2,1fr);gap:.25rem .75rem;list-style:none;margin:0;padding:0}' +
  '.cl-taskChooseOrganizationCreateOrganizationActionButton,.cl-formButtonReset__task{width:100%;padding:.625rem .75rem;border:1px solid var(--cl-border);border-radius:var(--cl-radius);background:none;color:inherit;font:inherit;cursor:pointer}' +
  '.cl-taskSetupMfaToggleKey{align-self:center;background:none;border:0;padding:0;font:inherit;color:var(--cl-primary);text-decoration:underline;cursor:pointer}';
