import { PlatformRole } from '@taawoun/core';
import type { UserModel } from './user.model.js';
import type { UserRow } from './user.repository.js';

/** The GraphQL `User` of an account row (any lib may map the rows of UserRepository with it). */
export function toUserModel(
  user: Pick<
    UserRow,
    'id' | 'email' | 'fullName' | 'preferredLanguage' | 'platformRoles' | 'emailVerifiedAt'
  >,
): UserModel {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    preferredLanguage: user.preferredLanguage,
    emailVerified: user.emailVerifiedAt !== null,
    roles: [PlatformRole.BUYER, ...user.platformRoles.filter((r) => r !== PlatformRole.BUYER)],
  };
}
