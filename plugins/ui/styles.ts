/**
 * The shared stylesheet (root box, card, form kit, modal). Isolation without Shadow DOM (so `elements`
 * classes, `.cl-*` selectors and DOM queries keep working as with ClerkJS): every rule targets a `cl-`
 * class, so nothing leaks out; `.cl-rootBox` sets `all: initial` and its descendants `all: revert`, so
 * the page's inherited and element-selector styles do not leak in. SVG content is left out of the revert:
 * an SVG's geometry (`d`, `width` of a rect) is CSS, and reverting it would blank icons and the QR code. Rules are single-class (specificity
 * 0,1,0) and the sheet is inserted first in <head>, so an app stylesheet's class given through
 * `elements` wins by order. Component plugins add their own rules, in the same sheet, as their views load.
 */
export const sharedCss = `
.cl-rootBox{all:initial;display:block;--cl-primary:#2f3037;--cl-on-primary:#fff;--cl-text:#212126;--cl-text2:color-mix(in srgb,var(--cl-text) 66%,transparent);--cl-bg:#fff;--cl-input-bg:#fff;--cl-input-text:var(--cl-text);--cl-danger:#dc2626;--cl-danger-text:color-mix(in srgb,var(--cl-danger) 70%,var(--cl-text));--cl-success:#16a34a;--cl-font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--cl-size:.875rem;--cl-radius:.5rem;--cl-space:1rem;--cl-border:color-mix(in srgb,var(--cl-neutral,var(--cl-text)) 16%,transparent);font-family:var(--cl-font);font-size:var(--cl-size);line-height:1.45;color:var(--cl-text);color-scheme:light dark}
.cl-rootBox :where(:not(svg *)),.cl-rootBox *::before,.cl-rootBox *::after{all:revert;box-sizing:border-box;font:inherit;color:inherit}
.cl-cardBox{display:flex;flex-direction:column;width:25rem;max-width:min(100%,calc(100vw - 2rem));overflow:hidden;background:color-mix(in srgb,var(--cl-neutral,var(--cl-text)) 4%,var(--cl-bg));border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*1.5);box-shadow:0 4px 24px rgba(0,0,0,.08)}
.cl-card{display:flex;flex-direction:column;gap:var(--cl-space);padding:calc(var(--cl-space)*2);background:var(--cl-bg);border-radius:calc(var(--cl-radius)*1.5);box-shadow:0 1px 2px rgba(0,0,0,.06),0 0 0 1px var(--cl-border)}
.cl-header{display:flex;flex-direction:column;gap:.25rem;text-align:center}
.cl-headerTitle{margin:0;font-size:1.15em;font-weight:var(--cl-weight-bold,700)}
.cl-headerSubtitle,.cl-formFieldHintText,.cl-formFieldInfoText,.cl-footerActionText,.cl-dividerText{margin:0;color:var(--cl-text2)}
.cl-form,.cl-main{display:flex;flex-direction:column;gap:calc(var(--cl-space)*.75)}
.cl-main{margin:0;padding:0;border:0;min-width:0}
.cl-main:disabled :is(input,button,label,.cl-dividerRow){opacity:.6;cursor:default}
.cl-icon{display:inline-block;flex:none;width:1em;height:1em;vertical-align:-.125em}
.cl-spinner{animation:cl-spin .8s linear infinite}
@keyframes cl-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.cl-spinner{animation-duration:2.4s}}
.cl-srOnly{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cl-logoBox{display:flex;justify-content:center;margin-bottom:.75rem}
.cl-logoImage{height:2rem;max-width:100%;object-fit:contain}
.cl-formField{display:flex;flex-direction:column;gap:.35rem}
.cl-formFieldRow{display:flex;justify-content:space-between;align-items:baseline;gap:.5rem}
.cl-formFieldLabel{font-weight:var(--cl-weight-medium,500)}
.cl-formFieldInputGroup{position:relative;display:flex}
.cl-formFieldInputShowPasswordButton{position:absolute;right:.3em;top:50%;transform:translateY(-50%);display:flex;padding:.35em;background:none;border:0;border-radius:var(--cl-radius);color:var(--cl-text2);cursor:pointer}
.cl-formFieldInput::placeholder{color:var(--cl-text2);opacity:.8}
.cl-otpCodeFieldInputs{display:flex;gap:.5rem;justify-content:center}
.cl-otpCodeFieldInput{flex:0 1 2.5rem;min-width:0;height:2.5rem;padding:0;text-align:center;font-size:1.25em;background:var(--cl-input-bg);color:var(--cl-input-text);border:1px solid var(--cl-border);border-radius:var(--cl-radius)}
.cl-otpCodeFieldInput[aria-invalid=true]{border-color:var(--cl-danger)}
.cl-formFieldInput{width:100%;padding:.5em .75em;background:var(--cl-input-bg);color:var(--cl-input-text);border:1px solid var(--cl-border);border-radius:var(--cl-radius);outline:none}
.cl-formFieldInput[aria-invalid=true]{border-color:var(--cl-danger)}
.cl-formFieldErrorText,.cl-formFieldSuccessText,.cl-alert{display:flex;gap:.4em;align-items:baseline;margin:0;color:var(--cl-danger-text)}
.cl-formResendCodeStatus{margin:0;text-align:center;color:var(--cl-text2)}
.cl-formResendCodeStatus:empty{display:none}
.cl-alert{padding:.6em .8em;border:1px solid var(--cl-danger);border-radius:var(--cl-radius)}
.cl-formFieldCheckbox{display:flex;gap:.5rem;align-items:flex-start}
.cl-formButtonPrimary,.cl-socialButtonsBlockButton{display:flex;align-items:center;justify-content:center;gap:.5rem;width:100%;padding:.6em 1em;border-radius:var(--cl-radius);cursor:pointer;font-weight:var(--cl-weight-medium,500)}
.cl-formButtonPrimary{background:var(--cl-primary) linear-gradient(rgba(255,255,255,.1),transparent);color:var(--cl-on-primary);border:1px solid var(--cl-primary);box-shadow:0 1px 2px rgba(0,0,0,.2)}
.cl-buttonArrowIcon{width:.7em;height:.7em;opacity:.7}
.cl-formButtonPrimary:disabled{opacity:.6;cursor:wait}
.cl-formResendCodeLink:disabled{cursor:default;opacity:.7;text-decoration:none}
.cl-footerActionLink,.cl-formFieldAction,.cl-formResendCodeLink{background:none;border:0;padding:0;color:var(--cl-primary);font-weight:500;cursor:pointer;text-decoration:none}
a.cl-footerActionLink,.cl-footerActionLink:hover,.cl-formFieldAction:hover,.cl-formResendCodeLink:enabled:hover{text-decoration:underline}
.cl-footer{display:flex;flex-direction:column;align-items:center;gap:.5rem;padding:var(--cl-space) calc(var(--cl-space)*2)}
.cl-formFieldSuccessText{color:var(--cl-success)}
.cl-rootBox :focus-visible{outline:2px solid var(--cl-ring,var(--cl-primary));outline-offset:2px}
.cl-modalBackdrop{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:8vh 1rem;background:var(--cl-backdrop,rgba(0,0,0,.5))}
.cl-modalContent{position:relative;min-width:0;max-width:100%}
.cl-modalCloseButton{position:absolute;top:.75rem;right:.75rem;background:none;border:0;font-size:1.25em;line-height:1;cursor:pointer;color:var(--cl-text2)}
`;

/**
 * The `'simple'` base theme (a `cl-simple` root box): no shadows or gradients. Always the sheet's last rule,
 * so it overrides every component's rules at their specificity, and an app's classes still win over it.
 */
const simpleCss = ':where(.cl-simple) [class*=cl-]{box-shadow:none;background-image:none}';

/** The page's one `<style data-microclerk>` element (shared by every instance): the shared rules, then each loaded component's. */
export const stylesheet = (() => {
  const sheets = [sharedCss];
  const text = () => [...sheets, simpleCss].join('\n');
  let element: HTMLStyleElement | undefined;
  return {
    /** Adds a component's rules (once each, when its view module loads); the sheet is rewritten (and re-parsed) once. */
    add(...parts: Array<string | undefined>) {
      const fresh = parts.filter((css): css is string => !!css && !sheets.includes(css));
      if (!fresh.length) return;
      sheets.push(...fresh);
      // Rules added while components are shown (an appearance's `&:hover` states) apply at once.
      if (element?.isConnected) element.textContent = text();
    },
    /** Puts the sheet (back) into <head> and brings it up to date with the components loaded so far. */
    inject(nonce: string | undefined) {
      if (!element?.isConnected) {
        element = document.createElement('style');
        element.setAttribute('data-microclerk', '');
        if (nonce) element.nonce = nonce;
        // First in <head>: app stylesheets that come later override us at equal specificity (`elements` classes).
        document.head.insertBefore(element, document.head.firstChild);
      }
      const css = text();
      if (element.textContent !== css) element.textContent = css;
    },
  };
})();
