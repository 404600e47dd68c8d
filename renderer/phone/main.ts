import './phone.css';
import { startPhoneApp } from './app';

const root = document.getElementById('app');
if (root) startPhoneApp(root);
