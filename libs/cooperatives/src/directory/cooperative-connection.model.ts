import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@taawoun/core';
import { CooperativeModel } from '../cooperatives/cooperative.model.js';

@ObjectType('CooperativeConnection')
export class CooperativeConnection extends ConnectionType('Cooperative', CooperativeModel) {}
