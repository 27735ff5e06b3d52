// The headless playground page: hand-written forms on the headless preset (no UI plugins).
// Every value shown comes from FAPI or the user, so it is set with textContent only.
import { createHeadlessClerk, decodeJwt, isClerkAPIResponseError } from '../presets/headless.js';

const publishableKey = document.body.dataset.publishableKey!;
const clerk = createHeadlessClerk({ publishableKey, proxyUrl: '/__clerk' });
(window as unknown as { clerk: typeof clerk }).clerk = clerk;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;
const errorText = (err: unknown) =>
  isClerkAPIResponseError(err) ? (err.errors[0]?.longMessage ?? err.errors[0]?.message ?? err.message) : String((err as Error)?.message ?? err);

/** Runs a form's action, showing a FAPI error under that form. */
function onSubmit(form: HTMLFormElement, action: (data: Record<string, string>) => Promise<unknown>) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = form.querySelector('.error')!;
    error.textContent = '';
    const button = form.querySelector('button')!;
    button.disabled = true;
    try {
      await action(Object.fromEntries(new FormData(form)) as Record<string, string>);
      form.reset();
    } catch (err) {
      error.textContent = errorText(err);
    } finally {
      button.disabled = false;
      void refreshOutbox();
    }
  });
}

onSubmit($('#sign-in-form'), async ({ identifier, password }) => {
  const signIn = await clerk.client!.signIn.create({ identifier, password });
  if (signIn.status !== 'complete') throw new Error(`Sign-in needs more steps (${signIn.status}); the UI components handle those.`);
  await clerk.setActive({ session: signIn.createdSessionId });
});

onSubmit($('#sign-up-form'), async ({ emailAddress, password }) => {
  const signUp = await clerk.client!.signUp.create({ emailAddress, password });
  await signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
  $('#verify-form').hidden = false;
});

onSubmit($('#verify-form'), async ({ code }) => {
  const signUp = await clerk.client!.signUp.attemptEmailAddressVerification({ code });
  if (signUp.status !== 'complete') throw new Error(`Sign-up is missing: ${signUp.missingFields.join(', ')}`);
  $('#verify-form').hidden = true;
  await clerk.setActive({ session: signUp.createdSessionId });
});

$('#get-token').addEventListener('click', async () => {
  const token = await clerk.session?.getToken();
  $('#token-claims').textContent = token ? JSON.stringify(decodeJwt(token).claims, null, 2) : 'No session.';
});

$('#add-account').addEventListener('click', () => {
  // Multi-session: show the sign-in forms while staying signed in to the current accounts.
  $('#signed-out').hidden = false;
});
$('#sign-out-one').addEventListener('click', () => void clerk.signOut({ sessionId: clerk.session?.id, redirectUrl: '/headless.html' }));
$('#sign-out-all').addEventListener('click', () => void clerk.signOut({ redirectUrl: '/headless.html' }));

function render() {
  $('#status').textContent = clerk.status;
  const user = clerk.user;
  $('#signed-in').hidden = !user;
  $('#signed-out').hidden = !!user;
  $('#user-email').textContent = user?.primaryEmailAddress?.emailAddress ?? '';
  $('#user-name').textContent = user?.fullName ? `(${user.fullName})` : '';
  const list = $('#sessions');
  list.replaceChildren(
    ...(clerk.client?.signedInSessions ?? []).map((session) => {
      const item = document.createElement('li');
      const label = session.user?.primaryEmailAddress?.emailAddress ?? session.id;
      if (session.id === clerk.session?.id) item.textContent = `${label} (current)`;
      else {
        const button = document.createElement('button');
        button.className = 'secondary';
        button.textContent = `Switch to ${label}`;
        button.addEventListener('click', () => void clerk.setActive({ session: session.id }));
        item.append(button);
      }
      return item;
    }),
  );
}

async function refreshOutbox() {
  const messages = (await fetch('/__clerk/__emulator/outbox')
    .then((r) => r.json())
    .catch(() => [])) as Array<{ to: string; code?: string; link?: string }>;
  $('#outbox').replaceChildren(
    ...messages
      .slice(-8)
      .reverse()
      .map((m) => {
        const item = document.createElement('li');
        item.textContent = `${m.to}: ${m.code ?? m.link ?? ''}`;
        return item;
      }),
  );
}

clerk.on('status', render, { notify: true });
clerk.addListener(render);
void clerk.load().then(refreshOutbox, (err) => ($('#status').textContent = `error: ${errorText(err)}`));
