/** How a user appears to others (memberships, sign-in screens): names, identifier, image. */
import { initialsAvatar } from '../domain/avatar.js';
import type { UserRecord } from '../domain/records.js';
import type { Json } from './view.js';

function userIdentifier(user: UserRecord): string {
  const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId) ?? user.emailAddresses[0];
  const phone = user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId) ?? user.phoneNumbers[0];
  return email?.emailAddress ?? user.username ?? phone?.phoneNumber ?? '';
}

export function userImageUrl(user: UserRecord): string {
  return user.imageDataUrl ?? initialsAvatar(user.firstName, user.lastName, userIdentifier(user));
}

export function publicUserDataJson(user: UserRecord): Json {
  return {
    first_name: user.firstName,
    last_name: user.lastName,
    image_url: userImageUrl(user),
    has_image: user.imageDataUrl !== null,
    identifier: userIdentifier(user),
    user_id: user.id,
    username: user.username,
  };
}
