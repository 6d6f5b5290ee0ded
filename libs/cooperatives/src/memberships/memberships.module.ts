import { Module } from '@nestjs/common';
import { UserMembershipsResolver } from './user-memberships.resolver.js';

@Module({ providers: [UserMembershipsResolver] })
export class MembershipsModule {}
