/** `<SignIn/>`'s own rules (alternative methods); the ui host's sheet has the shared parts. */
export const signInStyles = `
.cl-alternativeMethods{display:flex;flex-direction:column;gap:calc(var(--cl-space)*.75)}
.cl-alternativeMethodsBlockButton{display:flex;align-items:center;justify-content:center;gap:.5rem;width:100%;padding:.6em 1em;border-radius:var(--cl-radius);cursor:pointer;font-weight:500;background:transparent;border:1px solid var(--cl-border)}
`;
