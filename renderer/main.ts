/** Boots the renderer: Pinia, vue-i18n (Korean or English), the console shell. */
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createLabI18n } from './i18n';
import './styles/base.css';
import './styles/shell.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/instances.css';
import './styles/launch.css';
import './styles/developer.css';
import './styles/key-pairs.css';
import './styles/security-groups.css';

createApp(App).use(createPinia()).use(createLabI18n()).mount('#app');
