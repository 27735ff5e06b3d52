/**
 * Organization invitation tickets: the opaque token an invitation link carries (`__clerk_ticket`).
 * A sign-up or sign-in with `strategy=ticket` proves the invited address and accepts the invitation.
 */
import type { EmulatorCore } from './core.js';
import { fapiError, paramMissing } from './errors.js';
import { newId } from './ids.js';
import type { InvitationRecord, UserRecord } from './records.js';

/**
 * The pending invitation a ticket belongs to; anything else is refused with FAPI's codes (Clerk's
 * "Frontend API errors" index and the `unstable__errors` keys of @clerk/localizations): an unknown ticket
 * `ticket_invalid_code`, an expired one `ticket_expired_code`, a revoked invitation
 * `organization_invitation_revoked_code`, a used one `organization_invitation_already_accepted`, one to a
 * deleted organization `organization_invitation_to_deleted_organization`.
 */
export function invitationForTicket(core: EmulatorCore, ticket: string | undefined): InvitationRecord {
  if (!ticket) throw paramMissing('ticket');
  core.store.expireInvitations(core.now());
  const invitation = [...core.store.invitations.values()].find((i) => i.ticket === ticket);
  const refuse = (code: string, message: string, longMessage: string) => fapiError(400, code, message, longMessage, { param_name: 'ticket' });
  if (!invitation && core.store.ticketsOfDeletedOrganizations.has(ticket)) {
    throw refuse(
      'organization_invitation_to_deleted_organization',
      'organization invitation to deleted organization',
      'The organization of this invitation was deleted.',
    );
  }
  if (!invitation) throw refuse('ticket_invalid_code', 'ticket is invalid', 'This invitation link is not one this application issued.');
  if (invitation.status === 'expired') {
    throw refuse('ticket_expired_code', 'ticket has expired', 'This invitation link has expired. Ask an admin of the organization for a new one.');
  }
  if (invitation.status === 'revoked') {
    throw refuse('organization_invitation_revoked_code', 'invitation has been revoked', 'This invitation was revoked by an admin of the organization.');
  }
  if (invitation.status === 'accepted') {
    throw refuse('organization_invitation_already_accepted', 'invitation has already been accepted', 'This invitation was already accepted. Sign in instead.');
  }
  if (!core.store.organizations.has(invitation.organizationId)) {
    throw refuse(
      'organization_invitation_to_deleted_organization',
      'organization invitation to deleted organization',
      'The organization of this invitation was deleted.',
    );
  }
  return invitation;
}

/** Makes the user a member with the invitation's role (once) and marks the invitation accepted. */
export function acceptInvitationForUser(core: EmulatorCore, invitation: InvitationRecord, user: UserRecord): void {
  const { store } = core;
  const now = core.now();
  if (!store.organizationMembers(invitation.organizationId).some((m) => m.userId === user.id)) {
    const id = newId('orgmem');
    store.memberships.set(id, { id, organizationId: invitation.organizationId, userId: user.id, role: invitation.role, createdAt: now, updatedAt: now });
  }
  invitation.status = 'accepted';
  invitation.updatedAt = now;
  user.updatedAt = now;
}
