/**
 * Organization domains and what verified domains lead to: affiliation verification by an emailed
 * code, enrollment modes (automatic invitations or suggestions for users with a verified address at
 * the domain), suggestions the user accepts, and the membership requests admins accept or reject.
 */
import { fapiError, formError, notFound, paramMissing } from '../domain/errors.js';
import { newId, randomToken } from '../domain/ids.js';
import type { DomainRecord, EnrollmentMode, UserRecord } from '../domain/records.js';
import type { RequestContext } from '../http/request-context.js';
import { route, type Route } from '../http/router.js';
import { domainJson, membershipRequestJson, suggestionJson } from '../wire/organization.js';
import { adminOrganization, listParam, paginate, requireOrganizationsEnabled, requireSeat } from './organization-access.js';

const ENROLLMENT_MODES: EnrollmentMode[] = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'];
/** Public email providers: nobody can claim them for an organization. */
const COMMON_PROVIDERS = new Set(['gmail.com', 'googlemail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'live.com', 'icloud.com', 'aol.com', 'proton.me']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const isVerified = (d: DomainRecord) => d.verification?.status === 'verified';
const emailDomain = (email: string) => email.toLowerCase().split('@')[1] ?? '';

function enrollmentModeParam(ctx: RequestContext, fallback?: EnrollmentMode): EnrollmentMode {
  const mode = ctx.body.text('enrollment_mode') ?? fallback;
  if (!mode) throw paramMissing('enrollment_mode');
  if (!ENROLLMENT_MODES.includes(mode as EnrollmentMode)) {
    throw formError('form_param_value_invalid', 'enrollment_mode', `enrollment_mode must be one of ${ENROLLMENT_MODES.join(', ')}.`);
  }
  return mode as EnrollmentMode;
}

function findDomain(ctx: RequestContext) {
  const found = adminOrganization(ctx);
  const domain = ctx.core.store.domains.get(ctx.params.domainId ?? '');
  if (!domain || domain.organizationId !== found.organization.id) throw notFound('organization domain');
  return { ...found, domain };
}

function listDomains(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const mode = ctx.query.get('enrollment_mode');
  const verified = ctx.query.get('verified');
  const domains = ctx.core.store
    .organizationDomains(organization.id)
    .filter((d) => (!mode || d.enrollmentMode === mode) && (verified === null || isVerified(d) === (verified === 'true')))
    .map((d) => domainJson(ctx.view, d));
  return ctx.envelope(paginate(ctx, domains));
}

function createDomain(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const name = ctx.body.text('name')?.toLowerCase();
  if (!name) throw paramMissing('name');
  if (!DOMAIN.test(name)) throw formError('form_param_format_invalid', 'name', `${name} is not a valid domain name.`);
  if (COMMON_PROVIDERS.has(name)) throw formError('organization_domain_common', 'name', `${name} is a public email provider and cannot be claimed.`);
  if ([...ctx.core.store.domains.values()].some((d) => d.name === name)) {
    throw formError('organization_domain_exists', 'name', `${name} is already claimed by an organization.`);
  }
  const now = ctx.core.now();
  const domain: DomainRecord = {
    id: newId('orgdmn'),
    organizationId: organization.id,
    name,
    enrollmentMode: enrollmentModeParam(ctx, 'manual_invitation'),
    affiliationEmailAddress: null,
    verification: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.core.store.domains.set(domain.id, domain);
  ctx.touchClient();
  return ctx.envelope(domainJson(ctx.view, domain));
}

function prepareAffiliation(ctx: RequestContext): Response {
  const { domain } = findDomain(ctx);
  const email = ctx.body.text('affiliation_email_address');
  if (!email) throw paramMissing('affiliation_email_address');
  const at = emailDomain(email);
  if (at !== domain.name && !at.endsWith(`.${domain.name}`)) {
    throw formError('form_param_format_invalid', 'affiliation_email_address', `The email address must be at ${domain.name}.`);
  }
  domain.affiliationEmailAddress = email;
  domain.verification = ctx.core.prepareVerification({ strategy: 'email_code', to: email, channel: 'email', purpose: 'verification' });
  domain.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(domainJson(ctx.view, domain));
}

function attemptAffiliation(ctx: RequestContext): Response {
  const { domain } = findDomain(ctx);
  const code = ctx.body.text('code');
  if (!code) throw paramMissing('code');
  ctx.core.attemptVerification(domain.verification, code, null);
  domain.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(domainJson(ctx.view, domain));
}

function updateEnrollmentMode(ctx: RequestContext): Response {
  const { domain } = findDomain(ctx);
  const mode = enrollmentModeParam(ctx);
  if (mode !== 'manual_invitation' && !isVerified(domain)) {
    throw fapiError(400, 'organization_domain_not_verified', 'Domain not verified', `Verify ${domain.name} before enabling automatic enrollment.`);
  }
  domain.enrollmentMode = mode;
  if (ctx.body.bool('delete_pending')) dropPending(ctx, domain);
  domain.updatedAt = ctx.core.now();
  ctx.touchClient();
  return ctx.envelope(domainJson(ctx.view, domain));
}

/** Pending invitations to addresses at the domain and pending suggestions of its organization. */
function dropPending(ctx: RequestContext, domain: DomainRecord): void {
  const { store } = ctx.core;
  for (const [id, i] of store.invitations) {
    if (i.organizationId === domain.organizationId && i.status === 'pending' && emailDomain(i.emailAddress) === domain.name) store.invitations.delete(id);
  }
  for (const [id, s] of store.suggestions) if (s.organizationId === domain.organizationId && s.status === 'pending') store.suggestions.delete(id);
}

function deleteDomain(ctx: RequestContext): Response {
  const { domain } = findDomain(ctx);
  ctx.core.store.domains.delete(domain.id);
  ctx.touchClient();
  return ctx.envelope({ object: 'organization_domain', id: domain.id, deleted: true });
}

/**
 * What verified domains offer `user`: for each verified address at a verified domain of an
 * organization they are not in, a pending invitation (`automatic_invitation`) or suggestion
 * (`automatic_suggestion`), created once.
 */
export function offerDomainEnrollments(ctx: RequestContext, user: UserRecord): void {
  const { store } = ctx.core;
  const now = ctx.core.now();
  for (const email of user.emailAddresses.filter((e) => e.verification?.status === 'verified')) {
    for (const domain of [...store.domains.values()].filter((d) => isVerified(d) && d.name === emailDomain(email.emailAddress))) {
      const { organizationId } = domain;
      if (store.organizationMembers(organizationId).some((m) => m.userId === user.id)) continue;
      if (
        domain.enrollmentMode === 'automatic_suggestion' &&
        ![...store.suggestions.values()].some((s) => s.organizationId === organizationId && s.userId === user.id)
      ) {
        const id = newId('orgsug');
        store.suggestions.set(id, { id, organizationId, userId: user.id, status: 'pending', createdAt: now, updatedAt: now });
      }
      const invited = store.organizationInvitations(organizationId).some((i) => i.emailAddress.toLowerCase() === email.emailAddress.toLowerCase());
      if (domain.enrollmentMode === 'automatic_invitation' && !invited) {
        const id = newId('orginv');
        store.invitations.set(id, {
          id,
          organizationId,
          emailAddress: email.emailAddress,
          role: 'org:member',
          status: 'pending',
          ticket: randomToken(),
          expiresAt: now + ctx.core.settings.invitationLifetimeSeconds * 1000,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  }
}

function mySuggestions(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  offerDomainEnrollments(ctx, user);
  const statuses = listParam(ctx, 'status');
  const suggestions = [...ctx.core.store.suggestions.values()]
    .filter((s) => s.userId === user.id && (statuses.length ? statuses.includes(s.status) : s.status === 'pending'))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((s) => suggestionJson(ctx.view, s));
  return ctx.envelope(paginate(ctx, suggestions));
}

/** Accepting a suggestion asks to join: a pending membership request the organization's admins see. */
function acceptSuggestion(ctx: RequestContext): Response {
  requireOrganizationsEnabled(ctx);
  const { user } = ctx.currentUser();
  const suggestion = ctx.core.store.suggestions.get(ctx.params.id ?? '');
  if (!suggestion || suggestion.userId !== user.id) throw notFound('organization suggestion');
  if (suggestion.status !== 'pending')
    throw fapiError(400, 'organization_suggestion_already_accepted', 'Already accepted', 'This suggestion was already accepted.');
  const now = ctx.core.now();
  suggestion.status = 'accepted';
  suggestion.updatedAt = now;
  const id = newId('orgmemreq');
  ctx.core.store.membershipRequests.set(id, {
    id,
    organizationId: suggestion.organizationId,
    userId: user.id,
    status: 'pending',
    createdAt: now,
    updatedAt: now,
  });
  ctx.touchClient();
  return ctx.envelope(suggestionJson(ctx.view, suggestion));
}

function listMembershipRequests(ctx: RequestContext): Response {
  const { organization } = adminOrganization(ctx);
  const statuses = listParam(ctx, 'status');
  const requests = [...ctx.core.store.membershipRequests.values()]
    .filter((r) => r.organizationId === organization.id && (statuses.length === 0 || statuses.includes(r.status)))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((r) => membershipRequestJson(ctx.view, r));
  return ctx.envelope(paginate(ctx, requests));
}

function decideMembershipRequest(accept: boolean) {
  return (ctx: RequestContext): Response => {
    const { organization } = adminOrganization(ctx);
    const { store } = ctx.core;
    const request = store.membershipRequests.get(ctx.params.requestId ?? '');
    if (!request || request.organizationId !== organization.id) throw notFound('membership request');
    if (request.status !== 'pending') throw fapiError(400, 'membership_request_not_pending', 'Request not pending', `This request is ${request.status}.`);
    const joining = accept && !store.organizationMembers(organization.id).some((m) => m.userId === request.userId);
    if (joining) requireSeat(ctx, organization, true);
    const now = ctx.core.now();
    request.status = accept ? 'accepted' : 'rejected';
    request.updatedAt = now;
    if (accept && !store.organizationMembers(organization.id).some((m) => m.userId === request.userId)) {
      const membership = { id: newId('orgmem'), organizationId: organization.id, userId: request.userId, role: 'org:member', createdAt: now, updatedAt: now };
      store.memberships.set(membership.id, membership);
    }
    ctx.touchClient();
    return ctx.envelope(membershipRequestJson(ctx.view, request));
  };
}

export const organizationDomainRoutes: Route[] = [
  route('GET', '/organizations/:id/domains', listDomains),
  route('POST', '/organizations/:id/domains', createDomain),
  route('GET', '/organizations/:id/domains/:domainId', (ctx) => ctx.envelope(domainJson(ctx.view, findDomain(ctx).domain))),
  route('DELETE', '/organizations/:id/domains/:domainId', deleteDomain),
  route('POST', '/organizations/:id/domains/:domainId/prepare_affiliation_verification', prepareAffiliation),
  route('POST', '/organizations/:id/domains/:domainId/attempt_affiliation_verification', attemptAffiliation),
  route('POST', '/organizations/:id/domains/:domainId/update_enrollment_mode', updateEnrollmentMode),
  route('GET', '/organizations/:id/membership_requests', listMembershipRequests),
  route('POST', '/organizations/:id/membership_requests/:requestId/accept', decideMembershipRequest(true)),
  route('POST', '/organizations/:id/membership_requests/:requestId/reject', decideMembershipRequest(false)),
  route('GET', '/me/organization_suggestions', mySuggestions),
  route('POST', '/me/organization_suggestions/:id/accept', acceptSuggestion),
];
