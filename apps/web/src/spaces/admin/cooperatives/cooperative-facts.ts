import { graphql } from '../../../gql';

/** The facts the console shows of a cooperative and compares a profile change with. */
export const AdminCooperativeFactsFragment = graphql(`
  fragment AdminCooperativeFacts on Cooperative {
    id
    name
    registrationNumber
    sector
    status
    foundedOn
    memberCount
    womenMemberCount
    womenLed
    commissionRateBps
    region {
      code
      name
    }
    province {
      code
      name
    }
    pendingProfileChange {
      name
      registrationNumber
      sector
      foundedOn
      memberCount
      womenMemberCount
      womenLed
      requestedAt
      province {
        code
        name
      }
    }
  }
`);
