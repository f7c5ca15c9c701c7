// Lint, beside prettier's format check (`npm run lint`): the recommended rules
// of ESLint and typescript-eslint, as unified's packages hold themselves to.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/', '_site/', '.*.gazette/', 'test-output/', 'node_modules/', 'bench-out/', '.cache/', 'coverage/']},
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      // `_` names what a callback leaves out on purpose; `{text, ...rest}` leaves `text` out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_$', ignoreRestSiblings: true}
      ]
    }
  }
)
