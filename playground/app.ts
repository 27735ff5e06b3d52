// The components playground: the full preset's plugins plus the example third-party <Greeting/>.
// The page routes by itself (`routerPush`), so every redirect of microclerk stays in this page:
//   /                 signed out: <SignIn/> (hash routing); signed in: token panel + <UserProfile/>
//   /?view=sign-up    signed out: <SignUp/> instead
//   /?view=sign-in    signed in: <SignIn/> to add another account (multi-session, the UserButton's "Add account")
// With an active organization, "Manage organization" opens <OrganizationProfile/> in a modal.
// Every value shown comes from FAPI or the user, so it is set with textContent only.
import { createClerk, decodeJwt, fullPlugins, isClerkAPIResponseError, type Session } from '../presets/full.js';
import { dark } from '../plugins/ui/index.js';
import { greetingPlugin } from './greeting/plugin.js';

const publishableKey = document.body.dataset.publishableKey!;
// `Clerk` takes no extra plugins, so the instance is composed here: the full preset's plugins, then ours.
const clerk = createClerk({ publishableKey, proxyUrl: '/__clerk', plugins: [...fullPlugins(), greetingPlugin()] });
(window as unknown as { clerk: typeof clerk }).clerk = clerk;

const SIGN_IN_URL = '/?view=sign-in';
const SIGN_UP_URL = '/?view=sign-up';

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector(selector) as T;
const errorText = (err: unknown) =>
  isClerkAPIResponseError(err) ? (err.errors[0]?.longMessage ?? err.errors[0]?.message ?? err.message) : String((err as Error)?.message ?? err);

// ---- routing: microclerk's redirects and the page's own links go through here ----

function go(to: string, replace = false) {
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  // Mounted components with hash routing re-read their step on popstate; so does render().
  dispatchEvent(new PopStateEvent('popstate'));
}
addEventListener('popstate', () => render());
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-route]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  go(link.getAttribute('href')!);
});

// Light/dark for every mounted component at once, as a React provider re-rendered with a new appearance would.
$<HTMLSelectElement>('#theme').addEventListener('change', (event) => {
  const isDark = (event.target as HTMLSelectElement).value === 'dark';
  clerk.__internal_updateProps({ appearance: { theme: isDark ? dark : [] } });
  // The page goes dark too: the header's switcher and account button sit on the page, not on a card.
  document.documentElement.dataset.theme = isDark ? 'dark' : 'light';
});

$('#open-sign-in').addEventListener('click', () => clerk.openSignIn({}));
$('#open-sign-up').addEventListener('click', () => clerk.openSignUp({}));
// Google One Tap with the emulator's stand-in Google (googleOneTapScriptUrl below): its fake accounts sign in or up.
$('#open-one-tap').addEventListener('click', () => clerk.openGoogleOneTap({}));
$('#manage-organization').addEventListener('click', () => clerk.openOrganizationProfile({}));

$('#get-token').addEventListener('click', async () => {
  const out = $('#token-claims');
  try {
    const token = await clerk.session?.getToken();
    out.textContent = token ? JSON.stringify(decodeJwt(token).claims, null, 2) : 'No session.';
  } catch (err) {
    out.textContent = `error: ${errorText(err)}`;
  }
});

// ---- mounting: one fresh node per mount, so an unmount never races the next mount ----

/** The component mounted in a slot; switching remounts into a new child element. */
function slot(container: HTMLElement) {
  let current: { name: string; node: HTMLElement } | undefined;
  return (name: string | undefined, mount?: (node: HTMLElement) => void) => {
    if (current?.name === name) return;
    if (current) clerk.unmountComponent(current.node);
    current = undefined;
    container.replaceChildren();
    if (!name || !mount) return;
    const node = document.createElement('div');
    container.append(node);
    current = { name, node };
    mount(node);
  };
}
const authSlot = slot($('#auth-box'));
const profileSlot = slot($('#user-profile'));

const identifierOf = (session: Session) => session.publicUserData?.identifier ?? session.user?.primaryEmailAddress?.emailAddress ?? session.id;

/** Signed out of the current account while others stay signed in: offer them (ClerkJS's account chooser). */
function renderRemainingSessions() {
  const remaining = clerk.user ? [] : (clerk.client?.signedInSessions ?? []);
  $('#account-chooser').hidden = remaining.length === 0;
  $('#remaining-sessions').replaceChildren(
    ...remaining.map((session) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = `Continue as ${identifierOf(session)}`;
      button.addEventListener('click', () => void clerk.setActive({ session: session.id }));
      item.append(button);
      return item;
    }),
  );
}

function render() {
  $('#status').textContent = clerk.status;
  if (!clerk.loaded) return;
  // A pending session (a session task to do) is signed out here, as in Clerk's React SDK: <SignIn/> stays and shows the task.
  const user = clerk.isSignedIn ? clerk.user : null;
  const view = new URLSearchParams(location.search).get('view');
  const adding = !!user && view === 'sign-in';
  const showAuth = !user || adding;
  const authKind = showAuth ? (!user && view === 'sign-up' ? 'SignUp' : 'SignIn') : undefined;

  $('#who-box').hidden = !user;
  $('#who').textContent = user?.primaryEmailAddress?.emailAddress ?? user?.id ?? '';
  $('#open-sign-in').hidden = !!user;
  $('#open-sign-up').hidden = !!user;
  $('#open-one-tap').hidden = !!user;
  $('#auth').hidden = !showAuth;
  $('#adding-account').hidden = !adding;
  $('#show-sign-up-box').hidden = authKind !== 'SignIn' || adding;
  $('#show-sign-in-box').hidden = authKind !== 'SignUp';
  $('#signed-in').hidden = showAuth;
  renderRemainingSessions();
  $('#organization-panel').hidden = !user || !clerk.organization;
  $('#active-organization').textContent = clerk.organization?.name ?? '';

  authSlot(authKind, (node) =>
    authKind === 'SignUp' ? clerk.mountSignUp(node, { signInUrl: SIGN_IN_URL }) : clerk.mountSignIn(node, { signUpUrl: SIGN_UP_URL }),
  );
  // Keyed by user: an account switch starts the profile afresh.
  profileSlot(showAuth || !user ? undefined : `UserProfile:${user.id}`, (node) => clerk.mountUserProfile(node, {}));
  if (!user) $('#token-claims').textContent = '';
}

// ---- the emulator's outbox, polled while the page is visible ----

let outboxTimer: ReturnType<typeof setTimeout> | undefined;
let outboxRequest = 0;
async function refreshOutbox() {
  clearTimeout(outboxTimer);
  const request = ++outboxRequest;
  try {
    const response = await fetch('/__clerk/__emulator/outbox', { cache: 'no-store' });
    const messages = (await response.json()) as Array<{ to: string; code?: string; link?: string; purpose?: string }>;
    // Requests overlap (timer and client changes): an older answer must not replace a newer one.
    if (request !== outboxRequest) return;
    $('#outbox').replaceChildren(
      ...messages
        .slice(-10)
        .reverse()
        .map((message) => {
          const item = document.createElement('li');
          const to = document.createElement('span');
          to.className = 'to';
          to.textContent = message.to;
          const code = document.createElement('code');
          code.textContent = message.code ?? message.link ?? '';
          item.append(to, ' ', code);
          if (message.purpose) item.title = message.purpose;
          return item;
        }),
    );
  } catch {
    // The emulator restarted or the network hiccupped: the next tick retries.
  }
  if (document.visibilityState === 'visible') outboxTimer = setTimeout(refreshOutbox, 2000);
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refreshOutbox();
  else clearTimeout(outboxTimer);
});

/** Most FAPI calls that change the client also send a code: look soon after, not only on the next tick. */
let outboxSoon: ReturnType<typeof setTimeout> | undefined;
const refreshOutboxSoon = () => {
  clearTimeout(outboxSoon);
  outboxSoon = setTimeout(refreshOutbox, 250);
};

clerk.on('status', render, { notify: true });
clerk.addListener(() => {
  render();
  refreshOutboxSoon();
});
void clerk
  .load({
    signInUrl: SIGN_IN_URL,
    signUpUrl: SIGN_UP_URL,
    // Signing out of one of several accounts stays here: the page offers the remaining ones.
    afterMultiSessionSingleSignOutUrl: '/',
    afterSignOutUrl: '/',
    googleOneTapScriptUrl: '/__clerk/__emulator/gsi/client',
    routerPush: (to) => go(to),
    routerReplace: (to) => go(to, true),
  })
  .then(
    () => {
      clerk.mountOrganizationSwitcher($('#organization-switcher'));
      clerk.mountUserButton($('#user-button'), { showName: true });
      clerk.mountGreeting($('#greeting'), { greeting: 'Hello' });
      render();
    },
    (err) => ($('#status').textContent = `error: ${errorText(err)}`),
  );
void refreshOutbox();
