/**
 * The `session-tasks` plugin: what a signed-in user must do before the session is active (FAPI's
 * `pending` sessions with `tasks: [{ key }]`): choose an organization when the instance requires one,
 * reset the password when required, set up MFA when required. It adds `session.currentTask`, the
 * `taskUrls` load option, `buildTasksUrl()` / `redirectToTasks()`, `setActive()`'s move to a task URL,
 * and the `<TaskChooseOrganization/>`, `<TaskResetPassword/>`, `<TaskSetupMFA/>` components
 * (`mountTask…` / `unmountTask…`), whose views load on the first mount. `<SignIn/>` and `<SignUp/>`
 * continue into the session's task (their `tasks/<key>` step) when this plugin is composed.
 *
 * As with ClerkJS, a pending session is `clerk.session` (with its user) but `clerk.isSignedIn` is false,
 * and Clerk's React SDK treats it as signed out unless `treatPendingAsSignedOut: false`.
 * @packageDocumentation
 */
import { definePlugin, optionalOption, Session, type OptionsOf, type OptionsSchema, type SetActiveParams } from '../../kernel/index.js';
import type { RedirectOptions } from '../navigation/index.js';
import { withHashRoute } from '../navigation/redirects.js';
import type {} from '../organizations/organizations.js';
import type { HostedProps, MountMembers } from '../ui/index.js';
import type { sessionTasksStrings } from './strings.js';

/** The tasks FAPI sets on a pending session, by key. */
export type SessionTaskKey = 'choose-organization' | 'reset-password' | 'setup-mfa';

export interface SessionTask {
  key: SessionTaskKey;
}

/** Props of every task component (ClerkJS's `TaskChooseOrganizationProps`, `TaskResetPasswordProps`, `TaskSetupMFAProps`). */
export interface TaskProps extends HostedProps {
  /** Where to go once the session has no task left (a full URL or a path). Default: the after-sign-in URL. */
  redirectUrlComplete?: string;
}

/** The task components' names by task key. */
export const TASK_COMPONENTS = {
  'choose-organization': 'TaskChooseOrganization',
  'reset-password': 'TaskResetPassword',
  'setup-mfa': 'TaskSetupMFA',
} as const;

export type SessionTasksApi = MountMembers<'TaskChooseOrganization'> &
  MountMembers<'TaskResetPassword'> &
  MountMembers<'TaskSetupMFA'> & {
    /**
     * The URL of the current session's task: the `taskUrls` load option for its key, else the sign-in
     * page's `#/tasks/<key>` step (with `options`' redirect parameters). '' without a task or before `load()`.
     */
    buildTasksUrl(options?: RedirectOptions): string;
    /** Navigates to {@link SessionTasksApi.buildTasksUrl}; nothing without a task. */
    redirectToTasks(options?: RedirectOptions): Promise<unknown>;
  };

declare module '../../kernel/plugin.js' {
  interface PluginApis {
    'session-tasks': SessionTasksApi;
  }
}

declare module '../../kernel/resources/session.js' {
  interface Session {
    /** The first of the session's pending tasks (ClerkJS's `session.currentTask`); undefined when there is none. */
    readonly currentTask: SessionTask | undefined;
  }
}
declare module '../../kernel/resources/client.js' {
  interface PendingSessionMembers {
    /** A pending session has a task left. */
    readonly currentTask: SessionTask;
  }
}

declare module '../ui/index.js' {
  interface ComponentProps {
    TaskChooseOrganization: TaskProps;
    TaskResetPassword: TaskProps;
    TaskSetupMFA: TaskProps;
  }
  interface ComponentStrings {
    TaskChooseOrganization: typeof sessionTasksStrings;
  }
}

const taskUrlsSchema = {
  /** Your own pages for the tasks, e.g. `{ 'choose-organization': '/onboarding/organization' }`. */
  taskUrls: optionalOption<Partial<Record<SessionTaskKey, string>>>(
    (v) => !!v && typeof v === 'object' && Object.entries(v).every(([key, url]) => key in TASK_COMPONENTS && typeof url === 'string'),
    '{ [task key]: URL }',
  ),
} satisfies OptionsSchema;

export type SessionTasksLoadOptions = OptionsOf<typeof taskUrlsSchema>;

const currentTaskOf = (session: Session | null | undefined) => (session?.status === 'pending' ? session.tasks?.[0] : undefined) as SessionTask | undefined;

export function sessionTasksPlugin() {
  return definePlugin({
    name: 'session-tasks',
    dependsOn: ['navigation', 'ui'],
    optionalDependsOn: ['organizations'],
    loadOptions: taskUrlsSchema,
    setup(ctx): SessionTasksApi {
      const { kernel } = ctx;
      const navigation = ctx.get('navigation');
      const ui = ctx.get('ui');
      Object.defineProperty(Session.prototype, 'currentTask', {
        configurable: true,
        get(this: Session) {
          return this.tasks?.[0];
        },
      });

      const tasksUrl = (task: SessionTask | undefined, options?: RedirectOptions) => {
        const custom = task && ctx.loadOptions.taskUrls?.[task.key];
        if (!task || custom) return custom ?? '';
        const signIn = navigation.buildSignInUrl(options);
        // The sign-in page's `tasks/<key>` step, with its hash query (the redirect parameters).
        return signIn && withHashRoute(new URL(signIn), `tasks/${task.key}`, {}).href;
      };

      // ClerkJS's setActive on a pending session with a `taskUrls` entry for its task: it navigates there
      // (with `redirectUrl` in the hash) before the session is emitted.
      const setActive = kernel.clerk.setActive;
      kernel.clerk.setActive = (params: SetActiveParams = {}) => {
        const { session = kernel.session, redirectUrl } = params ?? {};
        const id = typeof session === 'string' ? session : session?.id;
        const task = currentTaskOf(kernel.client?.sessions.find((s) => s.id === id));
        const url = task && ctx.loadOptions.taskUrls?.[task.key];
        return setActive(
          url && !params.beforeEmit
            ? {
                ...params,
                redirectUrl: undefined,
                beforeEmit: () => navigation.navigate(redirectUrl ? withHashRoute(new URL(url, location.href), '', { redirectUrl }).href : url),
              }
            : params,
        );
      };

      const members = {} as Record<string, unknown>;
      for (const name of Object.values(TASK_COMPONENTS)) {
        Object.assign(
          members,
          ui.registerComponent(name, {
            load: () => import('./view.js').then((view) => view.moduleFor(name, { tasksUrl, organizations: ctx.find('organizations') })),
          }),
        );
        // Mounted only, as ClerkJS's task components.
        delete members[`open${name}`];
        delete members[`close${name}`];
      }
      return {
        ...members,
        buildTasksUrl: (options) => tasksUrl(currentTaskOf(kernel.session), options),
        redirectToTasks(options) {
          const url = tasksUrl(currentTaskOf(kernel.session), options);
          return url ? navigation.navigate(url) : Promise.resolve();
        },
      } as SessionTasksApi;
    },
  });
}
