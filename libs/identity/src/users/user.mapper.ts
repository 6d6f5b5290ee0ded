import { PlatformRole } from '@taawoun/core';
import type { UserEntity } from './user.entity.js';
import type { UserModel } from './user.model.js';

export function toUserModel(user: UserEntity): UserModel {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    preferredLanguage: user.preferredLanguage,
    emailVerified: user.emailVerifiedAt !== null,
    roles: [PlatformRole.BUYER, ...user.platformRoles.filter((r) => r !== PlatformRole.BUYER)],
  };
}
