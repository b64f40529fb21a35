# A janela e as palavras que várias telas compartilham (português do Brasil).

## Navegação
nav-overview = Resumo
nav-new = Novo saque
nav-list = Saques
nav-batches = Lotes
nav-lookup = Consulta
nav-holds = Em espera
nav-approvals = Aprovações
nav-audit = Registro de auditoria
nav-settings = Configurações
nav-label = Seções
toasts-label = Notificações

## Botões e cabeçalhos de coluna compartilhados
open = Abrir
open-payout-label = Abrir o pagamento { $id }
refresh = Atualizar
col-cashout-id = Id do saque
col-external-id = Id externo
col-amount = Valor
col-beneficiary = Beneficiário

## Barra do ambiente e acompanhamento de status
env-demo-credentials = credenciais de demonstração
env-credentials-stored = credenciais guardadas (API Key …{ $last4 })
env-no-credentials = nenhuma credencial guardada
env-no-host = (sem host)
env-real-money = DINHEIRO REAL
env-team-journal = diário da equipe · { $who }
env-team-not-connected = diário da equipe não conectado: veja Configurações → Diário
watch-offline = Provedor inacessível — consulta de status pausada, nova tentativa às { $at }
watch-stalled = Acompanhamento de status pausado (o diário está ocupado ou falhando), nova tentativa às { $at }
watch-unavailable = Atualizações de status ao vivo indisponíveis: { $message }

## Notificações e botões de copiar
toast-open-payout = Abrir este pagamento
toast-dismiss = Dispensar: { $title }
copy = Copiar
copy-label = Copiar { $what }
copied = Copiado
not-copied = Não copiado: { $message }
