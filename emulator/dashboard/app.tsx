/**
 * The emulator dashboard (`<prefix>/__emulator/`): users, sessions, organizations, the outbox, instance
 * settings and fault switches, over the same-origin admin routes next to this page. Every value is
 * rendered as text by Preact (no HTML from data); links from the outbox are used only if they are http(s).
 */
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

type Json = any;

/** Admin routes live next to the page: `…/__emulator/` + `users`. */
async function admin(path: string, init?: { method?: string; body?: unknown }): Promise<Json> {
  const response = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error ?? body?.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body;
}

const time = (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '—');
/** An outbox link as an href only when it is http(s); anything else is shown as text. */
const safeHref = (link: string) => {
  try {
    const url = new URL(link, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
};

interface State {
  info: Json;
  users: Json[];
  sessions: Json[];
  organizations: Json[];
  outbox: Json[];
  settings: Json;
  faults: Json[];
}

const FAULTS: Array<{ id: string; label: string; rule: Json | null }> = [
  { id: 'none', label: 'None', rule: null },
  { id: 'status500', label: 'Every FAPI request answers 500', rule: { path: '*', status: 500 } },
  { id: 'status429', label: 'Rate limited (429, Retry-After: 5)', rule: { path: '*', status: 429, headers: { 'Retry-After': '5' } } },
  { id: 'drop', label: 'Connection dropped', rule: { path: '*', drop: true } },
  { id: 'malformed', label: 'Malformed JSON', rule: { path: '*', malformed: true } },
  { id: 'html', label: 'HTML page (captive portal)', rule: { path: '*', html: true } },
];
const PROVIDERS = ['oauth_google', 'oauth_github', 'oauth_apple', 'oauth_microsoft', 'oauth_discord'];

function activeFault(faults: Json[]): string {
  const rule = faults[0];
  if (!rule) return 'none';
  return (
    FAULTS.find((f) => f.rule && Object.entries(f.rule).every(([k, v]) => k === 'headers' || JSON.stringify(rule[k]) === JSON.stringify(v)))?.id ?? 'custom'
  );
}

function Dashboard() {
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');

  // A poll that was in flight while a switch was flipped would show the switch's old state: such answers are dropped.
  const changes = useRef(0);
  const refresh = useCallback(async () => {
    const seen = changes.current;
    try {
      const [info, users, sessions, organizations, outbox, settings, faults] = await Promise.all([
        admin('info'),
        admin(`users?query=${encodeURIComponent(query)}`),
        admin('sessions'),
        admin('organizations'),
        admin('outbox'),
        admin('settings'),
        admin('faults'),
      ]);
      if (seen !== changes.current) return;
      setState({ info, users, sessions, organizations, outbox, settings, faults });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [query]);

  useEffect(() => {
    void refresh();
    // The outbox and sessions change while the app is used in another tab.
    const timer = setInterval(() => void refresh(), 1500);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = (run: () => Promise<unknown>) => async () => {
    try {
      changes.current++;
      await run();
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const updateSettings = (partial: Json) => act(() => admin('settings', { method: 'POST', body: partial }))();

  if (!state) return <p class="muted">{error ? `Could not reach the emulator: ${error}` : 'Loading…'}</p>;
  const { info, users, sessions, organizations, outbox, settings, faults } = state;
  const appUrl = new URL('/', location.href).href;

  return (
    <>
      <header>
        <h1>microclerk emulator</h1>
        <span class="badge">{info.instanceType}</span>
        <span class="muted">{settings.applicationName}</span>
        <a href={appUrl}>Open the app</a>
        <button class="danger" onClick={act(() => admin('reset', { method: 'POST' }))}>
          Reset instance
        </button>
      </header>
      <p class="muted key">
        Publishable key: <code>{info.publishableKey}</code> · FAPI host: <code>{info.frontendApiHost}</code> · a dev and test tool, not a production server
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <main>
        <Users users={users} query={query} setQuery={setQuery} act={act} />
        <Outbox outbox={outbox} act={act} />
        <Sessions sessions={sessions} act={act} />
        <Organizations organizations={organizations} act={act} />
        <Settings settings={settings} update={updateSettings} />
        <Faults faults={faults} settings={settings} act={act} update={updateSettings} />
      </main>
    </>
  );
}

type Act = (run: () => Promise<unknown>) => () => Promise<void>;

function Users({ users, query, setQuery, act }: { users: Json[]; query: string; setQuery(q: string): void; act: Act }) {
  const [form, setForm] = useState({ emailAddress: '', password: '', firstName: '', lastName: '' });
  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <label>
      {label}
      <input name={name} type={type} value={form[name]} onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  const create = (e: Event) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== ''));
    void act(async () => {
      await admin('users', { method: 'POST', body });
      setForm({ emailAddress: '', password: '', firstName: '', lastName: '' });
    })();
  };
  return (
    <section id="users">
      <h2>Users ({users.length})</h2>
      <input
        type="search"
        placeholder="Search name, email, phone, username, id"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <table>
        <thead>
          <tr>
            <th>User</th>
            <th>Identifiers</th>
            <th>Sessions</th>
            <th>Last sign-in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {[u.firstName, u.lastName].filter(Boolean).join(' ') || '—'}
                <div class="muted mono">{u.id}</div>
              </td>
              <td>{[...u.emailAddresses, ...u.phoneNumbers, ...(u.username ? [`@${u.username}`] : [])].join(', ')}</td>
              <td>{u.activeSessions}</td>
              <td>{time(u.lastSignInAt)}</td>
              <td>
                <div class="actions">
                  <button
                    class="small"
                    title="Adds a session for this user to the app's client in this browser; reload the app to see it"
                    onClick={act(() => admin(`users/${encodeURIComponent(u.id)}/sign-in-as`, { method: 'POST' }))}
                  >
                    Sign in as
                  </button>{' '}
                  <button
                    class="small"
                    name="password_reset"
                    title="Their sessions are pending with the reset-password task until they choose a new password"
                    onClick={act(() =>
                      admin(`users/${encodeURIComponent(u.id)}/password-reset`, { method: 'POST', body: { required: !u.passwordResetRequired } }),
                    )}
                  >
                    {u.passwordResetRequired ? 'Cancel password reset' : 'Require password reset'}
                  </button>{' '}
                  <button class="danger small" onClick={act(() => admin(`users/${encodeURIComponent(u.id)}`, { method: 'DELETE' }))}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline" onSubmit={create} aria-label="Create user">
        {field('emailAddress', 'Email', 'email')}
        {field('password', 'Password', 'password')}
        {field('firstName', 'First name')}
        {field('lastName', 'Last name')}
        <button type="submit">Create user</button>
      </form>
    </section>
  );
}

function Outbox({ outbox, act }: { outbox: Json[]; act: Act }) {
  return (
    <section id="outbox">
      <h2>
        Outbox ({outbox.length})
        <button class="small danger" onClick={act(() => admin('outbox', { method: 'DELETE' }))}>
          Clear
        </button>
      </h2>
      {outbox.length === 0 && <p class="muted">No emails or SMS yet. Codes and links the emulator "sends" appear here.</p>}
      <ul class="outbox">
        {[...outbox].reverse().map((m) => {
          const href = m.link ? safeHref(m.link) : null;
          return (
            <li key={m.id}>
              <div>
                <strong>{m.to}</strong> <span class="badge">{m.channel}</span> <span class="muted">{m.purpose}</span>{' '}
                <span class="muted">{time(m.createdAt)}</span>
              </div>
              {m.code && (
                <div class="code" data-code={m.code}>
                  {m.code}
                </div>
              )}
              {m.link && (href ? <a href={href}>{m.link}</a> : <span class="mono">{m.link}</span>)}
              {!m.code && !m.link && <div>{m.text}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Sessions({ sessions, act }: { sessions: Json[]; act: Act }) {
  return (
    <section id="sessions">
      <h2>Sessions ({sessions.filter((s) => s.signedIn).length} signed in)</h2>
      <table>
        <thead>
          <tr>
            <th>User</th>
            <th>Status</th>
            <th>Last active</th>
            <th>Expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {s.user}
                <div class="muted mono">{s.id}</div>
              </td>
              <td>{s.status}</td>
              <td>{time(s.lastActiveAt)}</td>
              <td>{time(s.expireAt)}</td>
              <td>
                {s.signedIn && (
                  <button class="danger small" onClick={act(() => admin(`sessions/${encodeURIComponent(s.id)}/revoke`, { method: 'POST' }))}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Organizations({ organizations, act }: { organizations: Json[]; act: Act }) {
  return (
    <section id="organizations">
      <h2>Organizations ({organizations.length})</h2>
      {organizations.length === 0 && <p class="muted">None yet.</p>}
      <ul class="orgs">
        {organizations.map((o) => (
          <li key={o.id}>
            <div>
              <strong>{o.name}</strong> <span class="muted mono">{o.slug}</span> <span class="muted">{o.pendingInvitations} pending invitations</span>
              <button class="danger small" onClick={act(() => admin(`organizations/${encodeURIComponent(o.id)}`, { method: 'DELETE' }))}>
                Delete
              </button>
            </div>
            <ul>
              {o.members.map((m: Json) => (
                <li key={m.id}>
                  {m.user} <span class="badge">{m.role}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Check({ label, checked, onChange, name }: { label: string; checked: boolean; onChange(value: boolean): void; name: string }) {
  return (
    <label class="check">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />
      {label}
    </label>
  );
}

function NumberField({ label, value, onChange, name }: { label: string; value: number; onChange(value: number): void; name: string }) {
  return (
    <label>
      {label}
      <input
        type="number"
        name={name}
        min={0}
        value={value}
        onChange={(e) => {
          const next = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(next) && next >= 0) onChange(next);
        }}
      />
    </label>
  );
}

function Settings({ settings, update }: { settings: Json; update(partial: Json): void }) {
  const factors: string[] = settings.emailAddress.firstFactors;
  const toggleFactor = (factor: string, on: boolean) =>
    update({ emailAddress: { firstFactors: on ? [...new Set([...factors, factor])] : factors.filter((f) => f !== factor) } });
  const social: string[] = settings.social;
  const password = settings.password;
  return (
    <section id="settings">
      <h2>Instance settings</h2>
      <p class="muted">Applied at once: the next /v1/environment the app reads has them.</p>
      <fieldset>
        <legend>Sign-in strategies</legend>
        <Check name="email_code" label="Email code" checked={factors.includes('email_code')} onChange={(on) => toggleFactor('email_code', on)} />
        <Check name="email_link" label="Email link" checked={factors.includes('email_link')} onChange={(on) => toggleFactor('email_link', on)} />
        <Check name="password" label="Password" checked={password.enabled} onChange={(on) => update({ password: { enabled: on, required: on } })} />
        <Check name="phone_code" label="Phone (SMS code)" checked={settings.phoneNumber.enabled} onChange={(on) => update({ phoneNumber: { enabled: on } })} />
        <Check name="username" label="Username" checked={settings.username.enabled} onChange={(on) => update({ username: { enabled: on } })} />
        <Check name="names" label="First and last name" checked={settings.names.enabled} onChange={(on) => update({ names: { enabled: on } })} />
      </fieldset>
      <fieldset>
        <legend>OAuth providers</legend>
        {PROVIDERS.map((p) => (
          <Check
            key={p}
            name={p}
            label={p.replace('oauth_', '')}
            checked={social.includes(p)}
            onChange={(on) => update({ social: on ? [...social, p] : social.filter((s) => s !== p) })}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>Instance</legend>
        <Check name="multi_session" label="Multi-session" checked={!settings.singleSession} onChange={(on) => update({ singleSession: !on })} />
        <Check name="organizations" label="Organizations" checked={settings.organizations} onChange={(on) => update({ organizations: on })} />
        <Check
          name="force_organization_selection"
          label="Require an organization (choose-organization task)"
          checked={settings.forceOrganizationSelection}
          onChange={(on) => update({ forceOrganizationSelection: on })}
        />
        <Check name="mfa_required" label="Require MFA (setup-mfa task)" checked={settings.mfaRequired} onChange={(on) => update({ mfaRequired: on })} />
        <Check
          name="protect_check_sign_in"
          label="Clerk Protect check on sign-in (proof: proof_ + token)"
          checked={settings.protectCheck.signIn}
          onChange={(on) => update({ protectCheck: { signIn: on } })}
        />
        <Check
          name="protect_check_sign_up"
          label="Clerk Protect check on sign-up"
          checked={settings.protectCheck.signUp}
          onChange={(on) => update({ protectCheck: { signUp: on } })}
        />
        <label>
          Sign-up mode
          <select name="sign_up_mode" value={settings.signUpMode} onChange={(e) => update({ signUpMode: (e.target as HTMLSelectElement).value })}>
            <option value="public">Public</option>
            <option value="restricted">Restricted</option>
            <option value="waitlist">Waitlist</option>
          </select>
        </label>
        <NumberField
          name="token_lifetime"
          label="Session token lifetime (s)"
          value={settings.tokenLifetimeSeconds}
          onChange={(v) => update({ tokenLifetimeSeconds: v })}
        />
        <NumberField
          name="session_lifetime"
          label="Session lifetime (s, new sessions)"
          value={settings.sessionLifetimeSeconds}
          onChange={(v) => update({ sessionLifetimeSeconds: v })}
        />
      </fieldset>
      <fieldset>
        <legend>Password rules</legend>
        <NumberField name="password_min" label="Minimum length" value={password.minLength} onChange={(v) => update({ password: { minLength: v } })} />
        <Check name="require_numbers" label="Numbers" checked={password.requireNumbers} onChange={(on) => update({ password: { requireNumbers: on } })} />
        <Check
          name="require_special"
          label="Special character"
          checked={password.requireSpecialChar}
          onChange={(on) => update({ password: { requireSpecialChar: on } })}
        />
        <Check name="require_upper" label="Uppercase" checked={password.requireUppercase} onChange={(on) => update({ password: { requireUppercase: on } })} />
        <Check name="require_lower" label="Lowercase" checked={password.requireLowercase} onChange={(on) => update({ password: { requireLowercase: on } })} />
      </fieldset>
    </section>
  );
}

function Faults({ faults, settings, act, update }: { faults: Json[]; settings: Json; act: Act; update(partial: Json): void }) {
  const current = activeFault(faults);
  const choose = (id: string) =>
    act(async () => {
      await admin('faults', { method: 'DELETE' });
      const rule = FAULTS.find((f) => f.id === id)?.rule;
      if (rule) await admin('faults', { method: 'POST', body: rule });
    })();
  return (
    <section id="faults">
      <h2>Fault injection</h2>
      <p class="muted">Applies to the app's FAPI requests (not to this page).</p>
      <fieldset>
        <legend>Every FAPI request</legend>
        {FAULTS.map((f) => (
          <label class="check" key={f.id}>
            <input type="radio" name="fault" value={f.id} checked={current === f.id} onChange={() => void choose(f.id)} />
            {f.label}
          </label>
        ))}
        {current === 'custom' && <p class="muted">Custom rules are active (set through the API).</p>}
      </fieldset>
      <NumberField name="latency" label="Added latency (ms)" value={settings.latencyMs} onChange={(v) => update({ latencyMs: v })} />
    </section>
  );
}

const STYLES = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg: #fff; --panel: #f6f8fa; --accent: #6c47ff; --danger: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --line: #30363d; --bg: #0d1117; --panel: #161b22; --accent: #a08bff; --danger: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.5rem 3rem; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
h1 { font-size: 1.25rem; margin: 0; }
h2 { font-size: 1rem; margin: 0 0 .5rem; display: flex; gap: .5rem; align-items: center; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem; margin-top: 1rem; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; min-width: 0; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .8rem; }
.muted { color: var(--muted); }
.mono, code { font-family: ui-monospace, monospace; font-size: .75rem; overflow-wrap: anywhere; }
td:first-child { min-width: 11rem; }
.actions { display: flex; flex-direction: column; gap: .25rem; align-items: stretch; white-space: nowrap; }
.key { margin: .25rem 0 0; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 999px; border: 1px solid var(--line); font-size: .75rem; }
button { font: inherit; padding: .3rem .7rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.small { padding: .1rem .5rem; font-size: .8rem; }
button.danger { background: transparent; color: var(--danger); border-color: var(--danger); }
input, select { font: inherit; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
input[type=search] { width: 100%; }
label { display: flex; flex-direction: column; gap: .15rem; font-size: .85rem; }
label.check { flex-direction: row; align-items: center; gap: .4rem; }
form.inline { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
form.inline input { width: 10rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
legend { font-weight: 600; font-size: .85rem; }
ul { margin: 0; padding-left: 1.1rem; }
ul.outbox, ul.orgs { list-style: none; padding: 0; }
ul.outbox > li, ul.orgs > li { border-bottom: 1px solid var(--line); padding: .4rem 0; }
.code { font: 600 1.4rem ui-monospace, monospace; letter-spacing: .2em; }
.error { color: var(--danger); }
`;

const style = document.createElement('style');
style.textContent = STYLES;
document.head.append(style);
const root = document.getElementById('dashboard')!;
// The "Loading…" placeholder is static HTML; Preact would keep it next to what it renders.
root.textContent = '';
render(<Dashboard />, root);
