import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import { ImportOutcomeView } from './import-outcome.tsx';
import { ImportPreviewView } from './import-preview.tsx';
import { ImportProgressView } from './import-progress.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** The Import screen: a file path (with the current folder and its import files), then the phase's view. */
export function ImportView(props: ViewPropsOf<'import'>) {
  const { screen, width } = props;
  const t = useT();
  switch (screen.phase) {
    case 'preview':
      return <ImportPreviewView {...props} />;
    case 'running':
      return <ImportProgressView {...props} />;
    case 'done':
      return <ImportOutcomeView {...props} />;
    case 'choose':
      break;
  }
  const files = screen.setup?.files ?? [];
  const at = screen.path.cursor;
  const chars = [...screen.path.text];
  return (
    <Box flexDirection="column">
      <Text bold>{t('import.title')}</Text>
      <Text color={theme.muted} wrap="truncate">
        {screen.setup ? t('import.cwd', { cwd: screen.setup.cwd }) : ''}
      </Text>
      <Text wrap="truncate">
        {t('import.fileLabel')} {chars.slice(0, at).join('')}
        <Text inverse>{chars[at] ?? '_'}</Text>
        {chars.slice(at + 1).join('')}
      </Text>
      <Text color={theme.muted} wrap="wrap">
        {files.length > 0 ? t('import.hintFiles', { count: files.length }) : t('import.hint')}
      </Text>
      <Busy screen={screen} />
      <Box flexDirection="column" marginTop={1}>
        {files.slice(0, Math.max(1, props.listRows - 2)).map((f, i) => (
          <Text key={f} wrap="truncate" {...(i === screen.pick ? { color: theme.accent } : {})}>
            {i === screen.pick ? '>' : ' '} {f.length > width - 4 ? `${f.slice(0, width - 5)}…` : f}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
