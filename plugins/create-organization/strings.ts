/**
 * `<CreateOrganization/>`'s English strings, and those of the organization parts it shares with
 * `<OrganizationSwitcher/>` and `<OrganizationList/>` (their view modules bring these too); the app
 * overrides them through `localization.createOrganization.*`, `localization.organizationShared.*` and
 * the `formFieldLabel__*` keys, as with ClerkJS.
 */
export const createOrganizationStrings = {
  createOrganization: {
    title: 'Create organization',
    formButtonSubmit: 'Create organization',
    logo: {
      title: 'Logo',
      upload: 'Upload logo',
      remove: 'Remove logo',
      hint: 'Recommended size 1:1, up to 10MB.',
      preview: 'Logo preview',
    },
    invitePage: {
      title: 'Invite new members',
      subtitle: 'Invite people to {{organizationName}}',
      formButtonPrimary: 'Send invitations',
      formButtonReset: 'Skip',
      successMessage: 'Invitations sent to {{count}} people',
      emailsRequired: 'Enter at least one email address.',
      formButtonContinue: 'Continue',
    },
  },
  organizationShared: {
    personalAccount: 'Personal account',
    membersCount: '{{count}} members',
    memberCount: '1 member',
    invitationAccept: 'Join',
    invitationAcceptFor: 'Join {{organizationName}}',
    suggestionAccept: 'Request to join',
    suggestionAcceptFor: 'Request to join {{organizationName}}',
    suggestionAccepted: 'Pending approval',
    invitations: 'Invitations',
    suggestions: 'Suggested organizations',
  },
  formFieldLabel__organizationName: 'Name',
  formFieldLabel__organizationSlug: 'Slug',
  formFieldLabel__emailAddresses: 'Email addresses',
  formFieldLabel__role: 'Role',
  formFieldInputPlaceholder__organizationName: 'Organization name',
  formFieldInputPlaceholder__organizationSlug: 'my-org',
  formFieldInputPlaceholder__emailAddresses: 'Separate addresses with spaces or commas',
  unstable__errors: {
    form_identifier_exists__slug: 'This slug is taken. Please try another.',
    already_a_member_in_organization: 'One of these people is already a member of this organization.',
    duplicate_record: 'An invitation for this address is already pending.',
    organization_invitation_not_pending: 'This invitation is no longer pending.',
    organization_membership_quota_exceeded: 'This organization has reached its member limit.',
    organization_minimum_permissions_needed: 'An organization needs at least one admin.',
    not_allowed_to_create_organization: 'You are not allowed to create organizations.',
  },
};
