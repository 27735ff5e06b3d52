/** `<SignUp/>`'s English strings (ClerkJS's keys); the app overrides them through `localization`. */
export const signUpStrings = {
  signUp: {
    enterpriseConnections: { title: 'Choose your enterprise account', subtitle: 'Pick the organization account you sign up with.' },
    start: {
      title: 'Create your account',
      subtitle: 'Welcome! Please fill in the details to get started.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
      actionLink__use_phone: 'Use phone instead',
      actionLink__use_email: 'Use email instead',
    },
    emailCode: { title: 'Verify your email', subtitle: 'Enter the verification code sent to your email', resendButton: "Didn't receive a code? Resend" },
    emailLink: {
      title: 'Check your email',
      subtitle: 'Use the verification link sent to {{identifier}}',
      expired: 'This link has expired. Request a new one.',
      resendButton: 'Resend link',
      loadingTitle: 'Verifying…',
      verifiedTitle: 'Email verified',
      verifiedSubtitle: 'You can close this tab and return to the original one.',
      expiredTitle: 'This verification link has expired',
      expiredSubtitle: 'Return to the original tab and request a new link.',
      failedTitle: 'This verification link is invalid',
      failedSubtitle: 'Return to the original tab and request a new link.',
      clientMismatchTitle: 'Open the link where you signed up',
      clientMismatchSubtitle: 'To continue, open the verification link on the device and browser you started signing up from.',
    },
    phoneCode: { title: 'Verify your phone', subtitle: 'Enter the verification code sent to your phone', resendButton: "Didn't receive a code? Resend" },
    continue: { title: 'Fill in missing fields', subtitle: 'Please fill in the remaining details to continue.' },
    legalConsent: {
      checkboxLabel: 'I agree to the Terms of Service and Privacy Policy',
      termsLink: 'Terms of Service',
      privacyLink: 'Privacy Policy',
    },
  },
  // ClerkJS titles the sign-up's OAuth callback with the sign-in's string; here too, also without <SignIn/>.
  signIn: { ssoCallback: { title: 'Signing you in…' } },
  unstable__errors: {
    // An invitation link's ticket (FAPI's codes; the other invitation refusals keep FAPI's own message).
    ticket_expired_code: 'This invitation link has expired. Ask for a new one.',
    ticket_invalid_code: 'This invitation link is not valid. Check the link, or ask for a new one.',
  },
};
