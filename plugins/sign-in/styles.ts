/** `<SignIn/>`'s own rules (alternative methods, enterprise connections); the ui host's sheet has the shared parts. */
export const signInStyles = `
.cl-alternativeMethods,.cl-enterpriseConnectionsRoot{display:flex;flex-direction:column;gap:calc(var(--cl-space)*.75)}
.cl-enterpriseConnectionButtonText{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.cl-alternativeMethodsBlockButton,.cl-enterpriseConnectionButton{display:flex;align-items:center;justify-content:center;gap:.5rem;width:100%;padding:.6em 1em;border-radius:var(--cl-radius);cursor:pointer;font-weight:500;background:transparent;border:1px solid var(--cl-border)}
.cl-enterpriseConnectionButton{justify-content:flex-start}
`;
