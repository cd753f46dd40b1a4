import './console.css';
import { initI18n } from './i18n.ts';

await initI18n();
await import('./app-shell.ts');
