/** `<SignIn/>`'s own rules (identity preview, alternative methods, enterprise connections); the ui host's sheet has the shared parts. */
export const signInStyles = `
.cl-identityPreviewText{margin:0;color:var(--cl-text2)}
.cl-alternativeMethods,.cl-enterpriseConnectionsRoot{display:flex;flex-direction:column;gap:calc(var(--cl-space)*.75)}
.cl-enterpriseConnectionButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cl-alternativeMethodsBlockButton,.cl-enterpriseConnectionButton{display:flex;align-items:center;justify-content:center;gap:.5rem;width:100%;padding:.6em 1em;border-radius:var(--cl-radius);cursor:pointer;font-weight:500;background:transparent;border:1px solid var(--cl-border)}
.cl-enterpriseConnectionButton{justify-content:flex-start}
.cl-identityPreviewEditButton{background:none;border:0;padding:0;color:var(--cl-primary);font-weight:500;cursor:pointer;text-decoration:underline}
.cl-identityPreview{display:flex;justify-content:center;gap:.5rem}
`;
