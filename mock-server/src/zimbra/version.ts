import { faults, type ZimbraFaultError } from './fault.ts';

/** The Zimbra releases the emulator can answer as. */
export type ZimbraVersion = '8.8.15' | '9.0' | '10.0';

/** Every release {@link ZimbraVersion} accepts, newest last. */
export const ZIMBRA_VERSIONS: readonly ZimbraVersion[] = ['8.8.15', '9.0', '10.0'];

/** What GetVersionInfo answers. */
export interface VersionInfo {
  readonly version: string;
  readonly release: string;
  readonly buildDate: string;
  readonly majorversion: string;
  readonly minorversion: string;
  readonly microversion: string;
  readonly type: string;
}

/**
 * The behaviours that differ between releases (docs/mock-zimbra-versions.md lists them). Everything not
 * listed behaves as in 10.0.
 */
export interface VersionProfile {
  readonly zimbraVersion: ZimbraVersion;
  readonly info: VersionInfo;
  /**
   * Admin AuthRequest for an account that does not exist or is not active: 10.0 answers
   * `service.PERM_DENIED "Error in Authentication"`; 8.8.15 and 9.0 answered `account.AUTH_FAILED`.
   */
  readonly unknownAdmin: (namePassedIn: string) => ZimbraFaultError;
}

const INFO: Readonly<Record<ZimbraVersion, VersionInfo>> = {
  '8.8.15': {
    version: '8.8.15_GA_4177 20210819',
    release: '20210819-0952',
    buildDate: '20210819-0952',
    majorversion: '8',
    minorversion: '8',
    microversion: '15',
    type: 'NETWORK',
  },
  '9.0': {
    version: '9.0.0_GA_4178 20210819',
    release: '20210819-1010',
    buildDate: '20210819-1010',
    majorversion: '9',
    minorversion: '0',
    microversion: '0',
    type: 'NETWORK',
  },
  '10.0': {
    version: '10.0.0_GA_4518 20231009',
    release: '20231009-1330',
    buildDate: '20231009-1330',
    majorversion: '10',
    minorversion: '0',
    microversion: '0',
    type: 'NETWORK',
  },
};

/** The profile of a release; an unknown release is refused with the accepted list. */
export function versionProfile(version: ZimbraVersion): VersionProfile {
  if (!ZIMBRA_VERSIONS.includes(version)) {
    throw new RangeError(
      `zimbraVersion must be one of ${ZIMBRA_VERSIONS.join(', ')}, got ${String(version)}`,
    );
  }
  const modern = version === '10.0';
  return {
    zimbraVersion: version,
    info: INFO[version],
    unknownAdmin: modern
      ? () => faults.permDenied('Error in Authentication')
      : (name) => faults.authFailed(name),
  };
}
