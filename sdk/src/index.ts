// Hand-written entry point: explicit named exports, types in their own block.

export type { FaultArgument, FaultSide, PecErrorDetail, ValidationIssue } from './errors/index.ts';
export {
  CasellaError,
  isCasellaError,
  isPecApiError,
  isValidationError,
  isZimbraFault,
  PecApiError,
  ResponseValidationError,
  TimeoutError,
  TransportError,
  ValidationError,
  ZimbraFault,
} from './errors/index.ts';
