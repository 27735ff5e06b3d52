import { describe, expect, it } from 'vitest';
import { Environment } from './environment.js';

const environmentJson = () => ({
  object: 'environment',
  id: 'env_1',
  auth_config: { single_session_mode: true, claimed_at: 1_700_000_000_000 },
  display_config: { application_name: 'Bench', sign_in_url: 'https://accounts.example.com/sign-in', instance_environment_type: 'production' },
  user_settings: {
    attributes: { email_address: { enabled: true, used_for_first_factor: true, first_factors: ['email_code'] } },
    sign_up: { progressive: true },
  },
  organization_settings: { enabled: true, max_allowed_memberships: 5 },
  maintenance_mode: false,
  client_debug_mode: null,
  public_metadata: null,
  updated_at: 1_700_000_000_001,
});

/** What the environment shows: every field, converted as camelize does, settings merged over the defaults. */
const expected = {
  id: 'env_1',
  object: 'environment',
  authConfig: { singleSessionMode: true, claimedAt: new Date(1_700_000_000_000) },
  displayConfig: { applicationName: 'Bench', signInUrl: 'https://accounts.example.com/sign-in', instanceEnvironmentType: 'production' },
  userSettings: {
    attributes: { email_address: { enabled: true, usedForFirstFactor: true, firstFactors: ['email_code'] } },
    social: {},
    signIn: { secondFactor: { required: false } },
    signUp: { progressive: true },
    passwordSettings: {},
  },
  organizationSettings: { enabled: true, maxAllowedMemberships: 5 },
  maintenanceMode: false,
  clientDebugMode: null,
  publicMetadata: {},
  updatedAt: new Date(1_700_000_000_001),
};

describe('Environment', () => {
  it('shows every setting converted and merged over the defaults, and its methods read them', () => {
    const env = new Environment(environmentJson());
    expect({ ...env }).toStrictEqual(expected);
    expect(env.isSingleSession()).toBe(true);
    expect(env.isProduction()).toBe(true);
  });

  it('looks like plain fields: the same keys, JSON and values before and after a first read', () => {
    const env = new Environment(environmentJson());
    expect(Object.keys(env).sort()).toEqual(Object.keys(expected).sort());
    expect(JSON.parse(JSON.stringify(env))).toEqual(JSON.parse(JSON.stringify(expected)));
    // Read once: from then on a plain data field holding the same object.
    const settings = env.userSettings;
    expect(env.userSettings).toBe(settings);
    expect(Object.getOwnPropertyDescriptor(env, 'userSettings')).toMatchObject({ value: settings, writable: true, enumerable: true });
    settings.signUp.progressive = false;
    expect(env.userSettings.signUp.progressive).toBe(false);
  });

  it('a setting assigned before it is read keeps the assigned value', () => {
    const env = new Environment(environmentJson());
    const replaced = { enabled: false };
    env.organizationSettings = replaced;
    expect(env.organizationSettings).toBe(replaced);
    expect({ ...env }.organizationSettings).toBe(replaced);
  });

  it('without JSON (or with settings left out) it has the defaults', () => {
    for (const env of [new Environment(), new Environment(null), new Environment({ object: 'environment', id: 'env_2' })]) {
      expect(env.isSingleSession()).toBe(false);
      expect(env.organizationSettings).toEqual({ enabled: false });
      expect(env.userSettings.signIn.secondFactor.required).toBe(false);
    }
  });
});
