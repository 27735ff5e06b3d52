// The page the visual checks drive: the full preset with nothing else on the page, one component mounted at a
// time into #stage, and a light/dark switch that passes `@clerk/themes`' `dark` unchanged as `appearance.theme`.
// Bundled by test/visual/page.ts and served on the playground's origin, so FAPI goes through `/__clerk`.
import { dark } from '@clerk/themes';
import { createClerk, fullPlugins } from '../../presets/full.js';

type Theme = 'light' | 'dark';
type Mounter = (node: HTMLDivElement, props: Record<string, unknown>) => void;

const publishableKey = document.body.dataset.publishableKey!;
const clerk = createClerk({ publishableKey, proxyUrl: '/__clerk', plugins: fullPlugins() });

// Every component the checks render, by the name the tests use.
const mounters: Record<string, Mounter> = {
  SignIn: (node, props) => clerk.mountSignIn(node, props),
  SignUp: (node, props) => clerk.mountSignUp(node, props),
  UserButton: (node, props) => clerk.mountUserButton(node, props),
  UserProfile: (node, props) => clerk.mountUserProfile(node, props),
  OrganizationSwitcher: (node, props) => clerk.mountOrganizationSwitcher(node, props),
  OrganizationProfile: (node, props) => clerk.mountOrganizationProfile(node, props),
  // A modal only (`openInviteMembers`): rendered in place through the ui API, so it is shot like the others.
  InviteMembers: (node, props) => clerk.mountComponent('InviteMembers', node, props),
  CreateOrganization: (node, props) => clerk.mountCreateOrganization(node, props),
  OrganizationList: (node, props) => clerk.mountOrganizationList(node, props),
  Waitlist: (node, props) => clerk.mountWaitlist(node, props),
};

const stage = document.getElementById('stage')!;
let mounted: HTMLDivElement | undefined;
/** Navigations the components asked for (the page never leaves: a redirect after sign-in is only recorded). */
const navigations: string[] = [];

const visual = {
  clerk,
  navigations,
  loaded: clerk.load({
    routerPush: (to: string) => void navigations.push(to),
    routerReplace: (to: string) => void navigations.push(to),
  }),
  /** Unmounts the current component and mounts `name` into a fresh slot (`align: 'end'` for right-aligned triggers). */
  mount(name: string, props: Record<string, unknown> = {}, align: 'start' | 'end' = 'start') {
    if (mounted) clerk.unmountComponent(mounted);
    stage.replaceChildren();
    const node = document.createElement('div');
    node.id = 'slot';
    node.dataset.align = align;
    stage.append(node);
    mounted = node;
    mounters[name]!(node, { routing: 'virtual', ...props });
  },
  setTheme(theme: Theme) {
    document.documentElement.dataset.theme = theme;
    clerk.__internal_updateProps({ appearance: { theme: theme === 'dark' ? dark : [] } });
  },
};
(window as unknown as { visual: typeof visual }).visual = visual;
