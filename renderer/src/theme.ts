// The console's Mantine theme: one place for colours, radius and type, shared by the light and dark schemes.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Kayse brand violet-blue, light to dark. */
const kayse: MantineColorsTuple = [
  '#eef0ff',
  '#dcdefa',
  '#b5b9ef',
  '#8c92e5',
  '#6970dc',
  '#535bd7',
  '#4750d5',
  '#3941bd',
  '#3139aa',
  '#263097',
];

export const theme = createTheme({
  colors: { kayse },
  primaryColor: 'kayse',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Rings only for keyboard focus, so mouse users don't see them but keyboard users always do.
  focusRing: 'auto',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, shadow: 'xs', padding: 'lg' } },
    Alert: { defaultProps: { variant: 'light' } },
    // Sentence case reads better than Mantine's default capitals in a dense admin screen.
    Badge: { defaultProps: { variant: 'light', radius: 'sm', tt: 'none', fw: 600 } },
  },
});
