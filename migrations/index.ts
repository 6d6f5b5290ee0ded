import { Foundation1764403200000 } from './1764403200000-Foundation.js';
import { AccountsAndCooperatives1795952600075 } from './1795952600075-AccountsAndCooperatives.js';
import { JobQueue1795953000000 } from './1795953000000-JobQueue.js';
import { CatalogProducts1795953200000 } from './1795953200000-CatalogProducts.js';
import { LoginThrottling1795953318859 } from './1795953318859-LoginThrottling.js';
import { CooperativeReviewWorkflow1795953400000 } from './1795953400000-CooperativeReviewWorkflow.js';
import { SearchCostBounds1796001000000 } from './1796001000000-SearchCostBounds.js';
import { EmailOutbox1796003000000 } from './1796003000000-EmailOutbox.js';
import { AccountSecurity1796003100000 } from './1796003100000-AccountSecurity.js';
import { AbuseLimits1796004000000 } from './1796004000000-AbuseLimits.js';
import { VettedProfileChanges1796005000000 } from './1796005000000-VettedProfileChanges.js';
import { CooperativeInvitations1796005100000 } from './1796005100000-CooperativeInvitations.js';
import { Orders1796010000000 } from './1796010000000-Orders.js';
import { Assets1796012000000 } from './1796012000000-Assets.js';
import { AssetReferences1796012100000 } from './1796012100000-AssetReferences.js';
import { AssetProposalKind1796012200000 } from './1796012200000-AssetProposalKind.js';
import { Branding1796012500000 } from './1796012500000-Branding.js';
import { Payments1796013000000 } from './1796013000000-Payments.js';
import { CatalogFacetSummary1796020500000 } from './1796020500000-CatalogFacetSummary.js';

/** Every migration, in order. Listed explicitly (no glob) so builds and tests load the same set. */
export const MIGRATIONS = [
  Foundation1764403200000,
  AccountsAndCooperatives1795952600075,
  JobQueue1795953000000,
  CatalogProducts1795953200000,
  LoginThrottling1795953318859,
  CooperativeReviewWorkflow1795953400000,
  SearchCostBounds1796001000000,
  EmailOutbox1796003000000,
  AccountSecurity1796003100000,
  AbuseLimits1796004000000,
  VettedProfileChanges1796005000000,
  CooperativeInvitations1796005100000,
  Orders1796010000000,
  Assets1796012000000,
  AssetReferences1796012100000,
  AssetProposalKind1796012200000,
  Branding1796012500000,
  Payments1796013000000,
  CatalogFacetSummary1796020500000,
];
