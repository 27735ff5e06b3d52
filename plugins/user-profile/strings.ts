/**
 * `<UserProfile/>`'s English strings. Keys follow Clerk's localization objects (`userProfile.start.*`,
 * `userProfile.*Page.*`, root `badge__*`), so `@clerk/localizations` packages translate them; the English
 * is Clerk's enUS text. The few strings Clerk has no key for keep our own keys (`userProfile.connect`, …).
 */
export const userProfileStrings = {
  badge__primary: 'Primary',
  badge__unverified: 'Unverified',
  badge__thisDevice: 'This device',
  formFieldLabel__currentPassword: 'Current password',
  formFieldLabel__passkeyName: 'Name of passkey',
  userProfile: {
    formButtonPrimary__add: 'Add',
    formButtonPrimary__save: 'Save',
    formButtonPrimary__remove: 'Remove',
    formButtonReset: 'Cancel',
    navbar: { title: 'Account', description: 'Manage your account info.', account: 'Profile', security: 'Security' },
    start: {
      headerTitle__account: 'Profile details',
      headerTitle__security: 'Security',
      profileSection: { title: 'Profile', primaryButton: 'Update profile' },
      usernameSection: { title: 'Username', primaryButton__setUsername: 'Set username', primaryButton__updateUsername: 'Update username' },
      emailAddressesSection: {
        title: 'Email addresses',
        primaryButton: 'Add email address',
        destructiveAction: 'Remove email',
        detailsAction__nonPrimary: 'Set as primary',
        detailsAction__unverified: 'Verify',
      },
      phoneNumbersSection: {
        title: 'Phone numbers',
        primaryButton: 'Add phone number',
        destructiveAction: 'Remove phone number',
        detailsAction__nonPrimary: 'Set as primary',
        detailsAction__unverified: 'Verify phone number',
      },
      connectedAccountsSection: { title: 'Connected accounts', primaryButton: 'Connect account', destructiveActionTitle: 'Remove' },
      web3WalletsSection: {
        title: 'Web3 wallets',
        primaryButton: 'Connect wallet',
        destructiveAction: 'Remove wallet',
      },
      passwordSection: { title: 'Password', primaryButton__setPassword: 'Set password', primaryButton__updatePassword: 'Update password' },
      passkeysSection: { title: 'Passkeys', primaryButton: 'Add a passkey', menuAction__rename: 'Rename', menuAction__destructive: 'Remove' },
      mfaSection: {
        title: 'Two-step verification',
        primaryButton: 'Add two-step verification',
        totp: { headerTitle: 'Authenticator application', destructiveActionTitle: 'Remove' },
        phoneCode: { destructiveActionLabel: 'Remove' },
        backupCodes: { headerTitle: 'Backup codes', title__regenerate: 'Regenerate backup codes' },
      },
      activeDevicesSection: { title: 'Active devices', destructiveAction: 'Sign out of device' },
      dangerSection: { title: 'Delete account', deleteAccountButton: 'Delete account' },
    },
    usernamePage: { title__set: 'Set username', title__update: 'Update username', successMessage: 'Your username has been updated.' },
    profilePage: {
      title: 'Update profile',
      imageFormTitle: 'Profile image',
      imageFormSubtitle: 'Upload',
      imageFormDestructiveActionSubtitle: 'Remove',
      successMessage: 'Your profile has been updated.',
    },
    emailAddressPage: {
      emailCode: { formSubtitle: 'Enter the verification code sent to {{identifier}}' },
      emailLink: { formSubtitle: 'Click on the verification link in the email sent to {{identifier}}' },
      removeResource: { messageLine1: '{{identifier}} will be removed from this account.' },
    },
    phoneNumberPage: {
      verifySubtitle: 'Enter the verification code sent to {{identifier}}',
      removeResource: { messageLine1: '{{identifier}} will be removed from this account.' },
    },
    passwordPage: { successMessage__set: 'Your password has been set.', successMessage__update: 'Your password has been updated.' },
    mfaTOTPPage: {
      title: 'Add authenticator application',
      authenticatorApp: {
        infoText__ableToScan: 'Set up a new sign-in method in your authenticator app and scan the following QR code to link it to your account.',
      },
    },
    backupCodePage: {
      title__codelist: 'Backup codes',
      actionLabel__copy: 'Copy all',
      actionLabel__copied: 'Copied!',
      actionLabel__download: 'Download .txt',
      successSubtitle: 'You can use one of these to sign in to your account, if you lose access to your authentication device.',
    },
    deletePage: {
      title: 'Delete account',
      messageLine1:
        'Are you sure you want to delete your account? Some associated data may be retained. To request full data deletion, please contact support.',
      messageLine2: 'This action is permanent and irreversible.',
      actionDescription: 'Type "Delete account" below to continue.',
      confirm: 'Delete account',
    },
    // No Clerk equivalent: our own keys.
    // An action's accessible name with what it acts on, e.g. "Remove email: ada@example.com".
    actionFor: '{{action}}: {{item}}',
    moreActions: 'More actions',
    unknownDevice: 'Unknown device',
    totpQrCode: 'QR code for your authenticator app',
    totpKey: 'Setup key',
    totpUri: 'Setup link',
    smsCode: 'SMS code to {{phone}}',
    useForSms: 'Use {{phone}} for SMS codes',
    passkeyCreated: 'Created {{date}}',
    passkeyLastUsed: 'Last used {{date}}',
    passkeyNeverUsed: 'Never used',
    deleteConfirmMismatch: 'Type "{{phrase}}" exactly to confirm.',
  },
  unstable__errors: {
    identification_deletion_failed: 'You cannot delete your last identification.',
    passkey_not_supported: 'Passkeys are not supported on this device.',
    passkey_registration_cancelled: 'Passkey registration was cancelled or timed out.',
    passkey_already_exists: 'A passkey is already registered with this device.',
    passkey_operation_aborted: 'The passkey request was interrupted.',
  },
};
