// A consumer of the packed package (scripts/check-consumer-types.mjs compiles it with strict,
// skipLibCheck: false, under moduleResolution bundler and nodenext). It imports every public entry
// point and uses them as README.md does. Each `@ts-expect-error` line must be an error: an unused one
// fails the compile, so this file proves that props, component names, events and load() options are
// really typed for consumers, not `any`.
import * as z from 'zod/mini';
import { createClerk, definePlugin, isClerkAPIResponseError, ClerkRuntimeError, type KernelEvents, type Status } from 'microclerk';
import { createHeadlessClerk, headlessPlugins, type HeadlessClerk } from 'microclerk/presets/headless';
import { Clerk, fullPlugins } from 'microclerk/presets/full';
import { navigationPlugin } from 'microclerk/plugins/navigation';
import { signOutPlugin } from 'microclerk/plugins/sign-out';
import { pollingPlugin } from 'microclerk/plugins/polling';
import { sessionSyncPlugin } from 'microclerk/plugins/session-sync';
import { uiPlugin, dark, type HostedProps, type UiApi } from 'microclerk/plugins/ui';
import type { NavigationApi } from 'microclerk/plugins/navigation';
import { signInPlugin, type SignInProps } from 'microclerk/plugins/sign-in';
import { signUpPlugin, type SignUpProps } from 'microclerk/plugins/sign-up';
import { userButtonPlugin, type UserButtonProps } from 'microclerk/plugins/user-button';
import { userProfilePlugin, type UserProfileProps } from 'microclerk/plugins/user-profile';
import { compatPlugin } from 'microclerk/plugins/compat';
import { oauthPlugin, type OAuthApi } from 'microclerk/plugins/oauth';
import { organizationsPlugin, type ClerkPaginatedResponse, type OrganizationInvitation } from 'microclerk/plugins/organizations';
import { emailLinkPlugin, isEmailLinkError } from 'microclerk/plugins/email-link';
import { createOrganizationPlugin } from 'microclerk/plugins/create-organization';
import { organizationListPlugin } from 'microclerk/plugins/organization-list';
import { organizationProfilePlugin } from 'microclerk/plugins/organization-profile';
import { organizationSwitcherPlugin } from 'microclerk/plugins/organization-switcher';
import { oneTapPlugin } from 'microclerk/plugins/one-tap';
import { passkeysPlugin } from 'microclerk/plugins/passkeys';
import { reverificationPlugin } from 'microclerk/plugins/reverification';
import { waitlistPlugin } from 'microclerk/plugins/waitlist';
import { web3Plugin } from 'microclerk/plugins/web3';
import { resourceMembersPlugin } from 'microclerk/plugins/resource-members';
import { protectPlugin, type ProtectCheck } from 'microclerk/plugins/protect';
import { sessionTasksPlugin } from 'microclerk/plugins/session-tasks';
import { userAvatarPlugin } from 'microclerk/plugins/user-avatar';
import { createEmulator, startEmulator, type RunningEmulator } from 'microclerk/emulator';

const publishableKey = 'pk_test_ZXhhbXBsZS5jbGVyay5hY2NvdW50cy5kZXYk';
const el = document.createElement('div');

// --- A third-party plugin, as README's "Writing a plugin" shows --------------------------------------
export interface GreetingProps extends HostedProps {
  greeting?: string;
}
declare module 'microclerk/plugins/ui' {
  interface ComponentProps {
    Greeting: GreetingProps;
  }
}
declare module 'microclerk' {
  interface KernelEvents {
    'greeting:shown': { name: string };
  }
  interface PluginApis {
    greeter: { greet(name: string): string };
  }
}
export const greetingPlugin = () =>
  definePlugin({
    name: 'greeting',
    dependsOn: ['ui'],
    setup: (ctx) => {
      ctx.onLoad(() => ctx.events.emit('greeting:shown', { name: 'ada' }));
      const ui: UiApi = ctx.get('ui'); // typed from the ui plugin's PluginApis entry, no cast
      return ui.registerComponent('Greeting', { load: () => import('./greeting-view.js') });
    },
  });

// A plugin with typed load options (inferred from its schema) that others can depend on by name.
export const greeterPlugin = () =>
  definePlugin({
    name: 'greeter',
    dependsOn: ['navigation'],
    loadOptions: { salutation: z.string() },
    setup(ctx) {
      const navigation: NavigationApi = ctx.get('navigation');
      void navigation;
      // @ts-expect-error "ui" is not a declared dependency of this plugin
      ctx.get('ui');
      return { greet: (name: string) => `${ctx.loadOptions.salutation ?? 'Hello'}, ${name}` };
    },
  });
export const politePlugin = () =>
  definePlugin({
    name: 'polite',
    optionalDependsOn: ['greeter'],
    setup: (ctx) => ({ welcome: (name: string) => ctx.find('greeter')?.greet(name) ?? name }),
  });
export async function thirdParty(): Promise<string> {
  const clerk = createClerk({ publishableKey, plugins: [navigationPlugin(), greeterPlugin(), politePlugin()] });
  await clerk.load({ salutation: 'Hi' });
  // @ts-expect-error salutation is a string in the plugin's schema
  await clerk.load({ salutation: 1 });
  return clerk.welcome(clerk.greet('Ada'));
}

// --- Headless preset --------------------------------------------------------------------------------
export async function headless(): Promise<string | null | undefined> {
  const clerk: HeadlessClerk = createHeadlessClerk({ publishableKey, proxyUrl: '/__clerk' });
  await clerk.load();
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com', password: 'pw' });
  if (signIn.status === 'complete') await clerk.setActive({ session: signIn.createdSessionId });
  await clerk.signOut({ redirectUrl: '/' });
  // @ts-expect-error the headless preset has no UI
  clerk.mountSignIn(el);
  return clerk.session?.getToken();
}

// --- Full preset: the documented Clerk class ----------------------------------------------------------
export async function full(): Promise<void> {
  const clerk = new Clerk(publishableKey, { proxyUrl: '/__clerk' });
  await clerk.load({ appearance: { theme: dark }, signInUrl: '/sign-in', standardBrowser: true });
  clerk.mountSignIn(el, { signUpUrl: '/x' });
  clerk.mountSignUp(el, { signInUrl: '/sign-in' });
  clerk.mountUserButton(el, { afterSignOutUrl: '/' });
  clerk.openUserProfile();
  clerk.openUserProfile({ afterSignOutUrl: '/' });
  clerk.mountComponent('SignIn', el, { signUpUrl: '/x' });
  clerk.on('ui:props-updated', ({ node, props }) => {
    const target: HTMLElement = node;
    void target;
    void props;
  });
  clerk.on('status', (status) => {
    const s: Status = status;
    void s;
  });
  const off = clerk.addListener(({ client, session, user }) => void [client, session?.id, user?.id]);
  off();
  try {
    await clerk.signOut();
  } catch (err) {
    if (isClerkAPIResponseError(err)) void err.errors[0]?.code;
    if (err instanceof ClerkRuntimeError) void err.code;
  }

  // @ts-expect-error signUpUrl is a string
  clerk.mountSignIn(el, { signUpUrl: 123 });
  // @ts-expect-error UserProfile has no prop `foo`
  clerk.openUserProfile({ foo: 'bar' });
  // @ts-expect-error no component is named Nope
  clerk.mountComponent('Nope', el);
  // @ts-expect-error no event is named nope:event
  clerk.on('nope:event', () => {});
  // @ts-expect-error standardBrowser is a boolean
  await clerk.load({ standardBrowser: 'yes' });
}

// --- Your own plugin list -----------------------------------------------------------------------------
export async function custom(): Promise<void> {
  const clerk = createClerk({
    publishableKey,
    plugins: [
      navigationPlugin(),
      signOutPlugin(),
      pollingPlugin(),
      sessionSyncPlugin(),
      uiPlugin(),
      signInPlugin(),
      signUpPlugin(),
      userButtonPlugin(),
      userProfilePlugin(),
      compatPlugin(),
      greetingPlugin(),
    ],
  });
  await clerk.load({ appearance: { theme: dark } });
  clerk.mountGreeting(el, { greeting: 'Hi' });
  clerk.openGreeting({ greeting: 'Hi' });
  clerk.mountComponent('Greeting', el, { greeting: 'Hi' });
  clerk.on('greeting:shown', ({ name }) => void name.toUpperCase());
  const events: (keyof KernelEvents)[] = ['greeting:shown', 'ui:props-updated', 'status'];
  void events;
  // @ts-expect-error greeting is a string
  clerk.mountGreeting(el, { greeting: 1 });
  // @ts-expect-error the payload of greeting:shown has no `age`
  clerk.on('greeting:shown', ({ age }) => void age);

  const signInProps: SignInProps = { fallbackRedirectUrl: '/' };
  const signUpProps: SignUpProps = { fallbackRedirectUrl: '/' };
  const userButtonProps: UserButtonProps = { showName: true };
  const userProfileProps: UserProfileProps = { customPages: [{ label: 'Billing', url: 'billing' }] };
  void [signInProps, signUpProps, userButtonProps, userProfileProps];

  // Both presets' plugin lists are exported for composing.
  const fromPresets = createClerk({ publishableKey, plugins: [...fullPlugins(), greetingPlugin()] });
  fromPresets.mountGreeting(el);
  void headlessPlugins();
}

// --- Organizations: a headless instance adds the plugin; the resources' methods are typed -----------
export async function organizations(publishableKey: string): Promise<void> {
  const clerk = createClerk({ publishableKey, plugins: [...headlessPlugins(), organizationsPlugin()] });
  const org = await clerk.createOrganization({ name: 'Acme', slug: 'acme' });
  const page: ClerkPaginatedResponse<OrganizationInvitation> = await org.getInvitations({ initialPage: 1, pageSize: 10, status: ['pending'] });
  const members = await clerk.user!.getOrganizationMemberships({ pageSize: 20 });
  const isAdmin: boolean = clerk.session!.checkAuthorization({ role: 'org:admin' });
  // @ts-expect-error role is required
  await org.inviteMember({ emailAddress: 'a@b.test' });
  await clerk.setActive({ organization: org.id });
  void [page.total_count, members.data[0]?.role, isAdmin];
}

// --- The emulator ---------------------------------------------------------------------------------------
export async function emulator(): Promise<void> {
  const running: RunningEmulator = await startEmulator({
    port: 0,
    settings: { singleSession: false },
    seed: { users: [{ emailAddress: 'a@b.test', password: 'pw-long-enough' }] },
  });
  void [running.url, running.proxyUrl, running.publishableKey, running.emulator.outbox.list()];
  await running.close();
  const inMemory = createEmulator();
  void inMemory;
}

// --- The oauth plugin: completing a provider return, typed -------------------------------------------
export async function oauthReturn(): Promise<unknown> {
  const clerk = createClerk({ publishableKey, plugins: [navigationPlugin(), oauthPlugin()] });
  await clerk.load();
  const complete: OAuthApi['handleRedirectCallback'] = clerk.handleRedirectCallback;
  // @ts-expect-error signInUrl is a string
  void clerk.handleRedirectCallback({ signInUrl: 1 });
  return complete({ signInUrl: '/sign-in', transferable: true });
}

// --- The email-link plugin: the page an email link lands on ------------------------------------------
export async function emailLinkLanding(): Promise<string | undefined> {
  const clerk = createClerk({ publishableKey, plugins: [navigationPlugin(), emailLinkPlugin()] });
  await clerk.load();
  try {
    await clerk.handleEmailLinkVerification({ redirectUrlComplete: '/done', onVerifiedOnOtherDevice: () => {} });
  } catch (err) {
    if (isEmailLinkError(err)) return err.code;
  }
  // @ts-expect-error redirectUrlComplete is a string
  void clerk.handleEmailLinkVerification({ redirectUrlComplete: 1 });
  return undefined;
}

// The newer plugin families compose on the same contract: each one's members are typed on the instance.
export function composeEveryFamily(publishableKey: string) {
  const clerk = createClerk({
    publishableKey,
    plugins: [
      navigationPlugin(),
      oauthPlugin(),
      organizationsPlugin(),
      uiPlugin(),
      createOrganizationPlugin(),
      organizationSwitcherPlugin(),
      organizationListPlugin(),
      organizationProfilePlugin(),
      oneTapPlugin(),
      passkeysPlugin(),
      reverificationPlugin(),
      waitlistPlugin(),
      web3Plugin(),
      resourceMembersPlugin(),
      protectPlugin(),
      sessionTasksPlugin(),
      userAvatarPlugin(),
    ],
  });
  const members: Array<(...args: never[]) => unknown> = [
    clerk.mountCreateOrganization,
    clerk.mountOrganizationSwitcher,
    clerk.mountOrganizationList,
    clerk.openOrganizationProfile,
    clerk.openGoogleOneTap,
    clerk.__internal_openReverification,
    clerk.joinWaitlist,
    clerk.authenticateWithMetamask,
    clerk.updateClient,
    clerk.buildTasksUrl,
    clerk.mountTaskChooseOrganization,
    clerk.mountUserAvatar,
    clerk.setProtectAssertion,
  ];
  return members;
}

// Clerk Protect (README "Custom flows"): the assertion forms, the gate on the resources, the proof.
export async function protectFlow(publishableKey: string) {
  const clerk = createClerk({ publishableKey, plugins: [protectPlugin()] });
  clerk.setProtectAssertion('pa_token');
  clerk.setProtectAssertion(async () => undefined);
  clerk.setProtectAssertion();
  // @ts-expect-error an assertion is a string or a function
  clerk.setProtectAssertion(42);
  await clerk.load({ protectAssertion: () => 'pa_token' });
  const signIn = await clerk.client!.signIn.create({ identifier: 'ada@example.com' });
  const check: ProtectCheck | null = signIn.protectCheck;
  if (signIn.status === 'needs_protect_check' && check) await signIn.submitProtectCheck({ proofToken: `proof_${check.token}` });
  // @ts-expect-error the proof token is named proofToken
  await clerk.client!.signUp.submitProtectCheck({ token: 'x' });
  return check?.sdkUrl;
}
