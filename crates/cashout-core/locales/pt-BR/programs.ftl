## What the programs around the core say in their own words: the desktop shell (files it
## reads, the clipboard, updates) and the `cashout` command line (its arguments, files and
## variables), the credentials' and the keychain's refusals, and the exports' file checks.
## Ids start with `p-`; English is the wording the tests compare. Argument names, variables
## and commands (--env, OKP_API_KEY, `cashout team migrate`) are never translated.

## Arquivos ($file: o caminho como foi dado; $detail: o que o sistema de arquivos disse, como disse)
p-file-unreadable = não é possível ler { $file }: { $detail }
# $size e $limit: megabytes inteiros, em dígitos.
p-batch-file-too-large = { $file } tem { $size } MB; um arquivo de lote tem no máximo { $limit } MB
# $limit: kibibytes, em dígitos.
p-request-too-large = { $file } tem mais de { $limit } KiB; uma criação é um único objeto JSON pequeno
p-request-not-utf8 = a solicitação não é texto UTF-8
p-export-is-database = { $file } é um banco de dados (o diário ou o estado do sandbox?), não uma exportação: escolha outro arquivo
p-export-exists = { $file } já existe; escolha outro arquivo, ou peça para substituí-lo (--overwrite)
p-file-not-written = não é possível gravar { $file }: { $detail }

## O lote em revisão (o estado próprio da janela e do aplicativo)
p-batch-no-review = nenhum arquivo está em revisão: abra um primeiro
p-batch-review-replaced = outro arquivo foi aberto para revisão desde então; este foi fechado
p-batch-other-environment = o arquivo foi verificado para outro ambiente; abra-o de novo
p-batch-bytes-missing = os bytes do arquivo não chegaram
p-batch-state-unusable = o estado de lotes do aplicativo não pode ser usado; reinicie o aplicativo

## O aplicativo de desktop
p-command-unfinished = o comando não pôde terminar: { $detail }
p-clipboard-failed = não foi possível gravar na área de transferência: { $detail }
p-team-settings-unreadable = não foi possível ler as configurações do diário da equipe: { $detail }
# $name e $value: o que a janela enviou, entre aspas duplas.
p-approvals-no-list = não existe a lista de aprovações { $name }
p-approvals-decision = uma decisão é approve ou reject, não { $value }

## Nomes dos filtros das caixas de diálogo de arquivos
p-filter-spreadsheets = Planilhas (CSV, Excel)
p-filter-workbook = Pasta de trabalho do Excel
p-filter-csv = CSV

## Atualizações ($version, $offered, $shown: números de versão como 1.4.2)
p-update-installing-already = uma atualização já está sendo instalada
p-update-sending-refused = uma atualização está sendo instalada e o aplicativo reinicia em instantes: nada foi enviado; envie quando o aplicativo voltar
p-update-batch-refused = uma atualização está sendo instalada e o aplicativo reinicia em instantes: o lote não foi iniciado; retome-o quando o aplicativo voltar
p-update-check-failed = a verificação de atualizações falhou: { $detail }
p-update-none-offered = nenhuma versão mais recente é oferecida agora
p-update-other-version = a versão { $offered } é oferecida agora, não a { $shown } mostrada: verifique de novo e escolha
# $detail: as palavras do próprio atualizador (p. ex. por que a assinatura não foi verificada).
p-update-not-installed = a versão { $version } não foi instalada: { $detail }
p-update-on-quit = A versão { $version } foi baixada e verificada; ela é instalada quando o aplicativo for fechado.

## Credenciais (o que o provedor documenta: três valores, chave e frase secreta ≤ 32 caracteres)
p-cred-api-key-required = a API Key é obrigatória
p-cred-api-key-long = a API Key tem no máximo 32 caracteres
p-cred-passphrase-required = a API Passphrase é obrigatória
p-cred-passphrase-long = a API Passphrase tem no máximo 32 caracteres
p-cred-signature-required = a API Signature é obrigatória
# $detail: as palavras do próprio serviço de chaveiro.
p-keychain-unavailable = o chaveiro do sistema não está disponível ({ $detail }); desbloqueie-o, ou informe as credenciais em OKP_API_KEY, OKP_API_PASSPHRASE e OKP_API_SIGNATURE (CLI)
p-keychain-refused = o chaveiro do sistema recusou a operação: { $detail }
p-keychain-damaged = a entrada do chaveiro deste ambiente está danificada; guarde as credenciais de novo

## A linha de comando
p-no-data-dir = esta plataforma não tem pasta de dados
p-cli-no-data-dir = esta plataforma não tem pasta de dados; informe --journal
# $database e $user: os do perfil da equipe, como estão escritos; $variable: a variável da senha.
p-cli-team-password-missing = as configurações escolhem o diário da equipe { $database } como { $user }, e não há senha guardada para ele: defina { $variable } ou guarde-a no aplicativo
p-cli-sandbox-with-url = --env sandbox é o sandbox embutido; para outro servidor local informe só --base-url (os registros são dele: ambiente local)
# $environment: o nome do ambiente (production, staging).
p-cli-fixed-host = { $environment } tem um host fixo; remova --base-url ou use --env custom
p-cli-sandbox-not-started = o sandbox não pôde iniciar: { $detail }
p-cli-sandbox-not-reset = o sandbox não pôde ser redefinido: { $detail }
# $problem: uma das mensagens p-cred-*.
p-cli-credential-variables = variáveis OKP_API_*: { $problem }
p-cli-credential-variables-partial = defina todas as variáveis OKP_API_KEY, OKP_API_PASSPHRASE e OKP_API_SIGNATURE, ou nenhuma
p-cli-give-id = informe --id ou --external-id
p-cli-id-positive = o id do saque é um número positivo
p-cli-no-journal = não há diário em { $file } (um caminho digitado errado?)
p-cli-no-local-journal = não há diário local em { $file }
# $status e $action: como foram digitados, entre aspas duplas.
p-cli-unknown-status = status desconhecido { $status }
p-cli-unknown-audit-action = ação de auditoria desconhecida { $action }
p-cli-credentials-which = diga de qual ambiente são as credenciais: --env NOME
p-cli-sandbox-credentials = o sandbox usa credenciais de demonstração fixas (veja o README); nada a guardar
p-cli-stdin-unreadable = não é possível ler a entrada padrão: { $detail }
p-cli-team-profile-unreadable = não é possível ler o perfil da equipe { $file }: { $detail }
p-cli-not-a-team-profile = { $file } não é um perfil de equipe ({"{"}"host", "port", "database", "user", "ca_file"{"}"}): { $detail }
# $variable: a variável da senha; $user: o usuário do perfil.
p-cli-team-password-variable = defina { $variable } com a senha de { $user }
p-cli-give-team = informe --team PERFIL (um arquivo JSON com a conexão do diário da equipe)
p-cli-operator-password-unreadable = não é possível ler a senha do operador da entrada padrão: { $detail }
# $typed: o valor de --control como foi digitado.
p-cli-control-total-shape = { $typed }: escreva um total de controle como MOEDA:QUANTIDADE:TOTAL, p. ex. BRL:120:35250.00
p-cli-control-total-count = { $typed }: a quantidade é um número inteiro de pagamentos
# $currencies: as moedas do lote, separadas por vírgulas.
p-cli-control-totals-missing = informe o total de controle de cada moeda (--control MOEDA:QUANTIDADE:TOTAL) conforme seus registros; o lote envia em { $currencies } (veja --dry-run)
# $typed: o valor de --map como foi digitado.
p-cli-mapping-shape = { $typed }: escreva CABEÇALHO=CAMPO
# $column: entre aspas duplas; $columns: os cabeçalhos do arquivo, separados por vírgulas.
p-cli-mapping-no-column = o arquivo não tem a coluna { $column } (ele tem { $columns })

## O botão das notificações do sistema
p-notify-open-batch = Abrir lote
p-notify-open-payout = Abrir pagamento
