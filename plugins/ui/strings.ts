/**
 * The English strings the host and its shared kit use (buttons, common field labels, password feedback,
 * FAPI errors), keyed like ClerkJS's localization. Each component plugin brings its own strings with
 * its view module. `{{name}}` is replaced by a value; text only, never HTML.
 */
import type { authStrings } from './auth-kit.js';
import type { SolanaWalletsStrings } from './solana-wallets.js';
import type { ProtectCheckStrings } from './protect-check.js';

export const sharedStrings = {
  formButtonPrimary: 'Continue',
  backButton: 'Back',
  modalCloseButton: 'Close',
  formFieldHintText__optional: 'Optional',
  formFieldLabel__emailAddress: 'Email address',
  formFieldLabel__phoneNumber: 'Phone number',
  formFieldLabel__username: 'Username',
  formFieldLabel__password: 'Password',
  formFieldLabel__newPassword: 'New password',
  formFieldLabel__confirmPassword: 'Confirm password',
  formFieldLabel__signOutOfOtherSessions: 'Sign out of all other devices',
  formFieldLabel__firstName: 'First name',
  formFieldLabel__lastName: 'Last name',
  formFieldLabel__code: 'Verification code',
  formFieldInputLabel__codeDigit: 'Digit {{index}} of {{length}}',
  formFieldInput__emailAddress_format: 'Example format: name@example.com',
  formFieldInputShowPassword: 'Show password',
  formFieldInputHidePassword: 'Hide password',
  formFieldError__passwordsDoNotMatch: "Passwords don't match.",
  resendButton: "Didn't receive a code? Resend",
  resendButton__sent: 'A new code is on its way.',
  unstable__errors: {
    form_identifier_not_found: "Couldn't find your account.",
    form_password_incorrect: 'Password is incorrect. Try again, or use another method.',
    form_code_incorrect: 'Incorrect code. Try again.',
    form_identifier_exists: 'This identifier is taken. Please try another.',
    form_identifier_exists__email_address: 'This email address is taken. Please try another.',
    form_identifier_exists__phone_number: 'This phone number is taken. Please try another.',
    form_identifier_exists__username: 'This username is taken. Please try another.',
    form_password_pwned: 'This password has been found in a data breach. Please use a different one.',
    form_password_length_too_short: 'Your password is too short.',
    form_param_format_invalid: 'This value is not valid.',
    form_param_missing: 'This field is required.',
    verification_expired: 'This code has expired. Request a new one.',
    verification_failed: 'Too many failed attempts. Request a new code.',
    user_locked: 'Your account is locked. Try again later.',
    too_many_requests: 'Too many requests. Please try again in a bit.',
    not_allowed_access: 'You are not allowed to access this application.',
    web3_missing_identifier: 'A Web3 Wallet extension cannot be found. Please install one to continue.',
    web3_signature_request_rejected: 'You have rejected the signature request. Please try again to continue.',
    unknown: 'Something went wrong. Please try again.',
    // Live feedback on a new password (ClerkJS's keys): "Your password must contain 8 or more characters."
    passwordComplexity: {
      sentencePrefix: 'Your password must contain',
      minimumLength: '{{length}} or more characters',
      requireNumbers: 'a number',
      requireLowercase: 'a lowercase letter',
      requireUppercase: 'an uppercase letter',
      requireSpecialCharacter: 'a special character',
    },
    zxcvbn: { goodPassword: 'Your password meets all the necessary requirements.' },
  } as Record<string, string | Record<string, string>>,
};

/** With the strings of the sign-in/up parts, which load with those views. */
export type SharedStrings = typeof sharedStrings & typeof authStrings & SolanaWalletsStrings & ProtectCheckStrings;
