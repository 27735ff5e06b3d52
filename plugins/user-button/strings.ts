/** `<UserButton/>`'s English strings; the app overrides them through `localization.userButton.*`. */
export const userButtonStrings = {
  userButton: {
    trigger: 'Open user menu',
    action__manageAccount: 'Manage account',
    action__signOut: 'Sign out',
    action__signOutAll: 'Sign out of all accounts',
    action__addAccount: 'Add account',
    action__switchTo: 'Switch to {{identifier}}',
  },
};
