// A CommonJS consumer (compiled under nodenext only): `require` resolves the package's "require"
// conditions, so these types come from the .d.cts files. It also checks that the plugins' relative
// `declare module` augmentations survived the .js → .cjs rewrite.
import microclerk = require('microclerk');
import headless = require('microclerk/presets/headless');
import full = require('microclerk/presets/full');
import ui = require('microclerk/plugins/ui');
import signIn = require('microclerk/plugins/sign-in');
import emulator = require('microclerk/emulator');

const el = document.createElement('div');

export async function main(): Promise<void> {
  const clerk = new full.Clerk('pk_test_ZXhhbXBsZS5jbGVyay5hY2NvdW50cy5kZXYk');
  await clerk.load({ appearance: { theme: ui.dark } });
  clerk.mountSignIn(el, { signUpUrl: '/x' });
  clerk.on('ui:props-updated', ({ node }) => void node.tagName);
  clerk.on('status', (status: microclerk.Status) => void status);
  const props: signIn.SignInProps = { signUpUrl: '/x' };
  clerk.openSignIn(props);
  // @ts-expect-error signUpUrl is a string
  clerk.mountSignIn(el, { signUpUrl: 123 });
  // @ts-expect-error no event is named nope:event
  clerk.on('nope:event', () => {});

  const h = headless.createHeadlessClerk({ publishableKey: clerk.publishableKey });
  await h.load();
  const own = microclerk.createClerk({ publishableKey: clerk.publishableKey, plugins: [ui.uiPlugin(), signIn.signInPlugin()] });
  own.mountSignIn(el);

  const running = await emulator.startEmulator({ port: 0 });
  await running.close();
}
