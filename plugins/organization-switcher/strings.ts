import { createOrganizationStrings } from '../create-organization/strings.js';

/** `<OrganizationSwitcher/>`'s English strings (with the shared organization parts'); the app overrides them through `localization.organizationSwitcher.*`. */
export const organizationSwitcherStrings = {
  ...createOrganizationStrings,
  organizationSwitcher: {
    trigger: 'Open organization switcher, current account:',
    popover: 'Switch account',
    notSelected: 'No organization selected',
    personalWorkspace: 'Personal account',
    action__switchTo: 'Switch to',
    action__manageOrganization: 'Manage',
    action__manageOrganizationFor: 'Manage {{organizationName}}',
    action__createOrganization: 'Create organization',
  },
};
