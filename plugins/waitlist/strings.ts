/** English strings of `<Waitlist/>` (Clerk's `waitlist` localization keys). */
export const waitlistStrings = {
  waitlist: {
    start: {
      title: 'Join the waitlist',
      subtitle: 'Enter your email address and we’ll let you know when your spot is ready',
      formButton: 'Join the waitlist',
      actionText: 'Already have access?',
      actionLink: 'Sign in',
    },
    success: {
      title: 'Thanks for joining the waitlist!',
      subtitle: 'We’ll be in touch when your spot is ready',
      message: 'You will be redirected soon...',
    },
  },
};
