import { createOrganizationStrings } from '../create-organization/strings.js';

/** `<OrganizationList/>`'s English strings (with the shared organization parts'); the app overrides them through `localization.organizationList.*`. */
export const organizationListStrings = {
  ...createOrganizationStrings,
  organizationList: {
    title: 'Choose an account',
    titleWithoutPersonal: 'Choose an organization',
    subtitle: 'to continue to {{applicationName}}',
    action__select: 'Continue with',
    action__createOrganization: 'Create organization',
    createOrganization: 'Create organization',
    empty: 'You are not a member of any organization yet.',
  },
};
