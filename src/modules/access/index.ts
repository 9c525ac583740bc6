/** Access: roles, the permission matrix, and the actor every use case is performed by. */
export { ROLES, ROLES_REQUIRING_2FA, ADMIN_ROLES, UNIT_ROLES, isRole, roleLabel, type Role } from './roles.ts';
export {
  ACTIONS,
  MATRIX,
  OVERSIGHT_ACTIONS,
  authorize,
  authorizeAny,
  can,
  canAny,
  oversightOnly,
  sitesWhere,
  isPlatformAdmin,
  actorLabel,
  actorId,
  actorIp,
  type Action,
  type Actor,
  type Grant,
} from './policy.ts';
