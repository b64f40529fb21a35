# As telas de pagamentos: lista, detalhe, consulta, pagamentos em espera, auditoria (português).

## Pagamentos em espera
holds-title = Em espera
holds-empty = Nenhum pagamento em espera.
holds-totals-label = Reservado por pagamentos em espera, por moeda
holds-total-in = em { $count ->
    [one] { $count } pagamento
   *[other] { $count } pagamentos
  }
holds-caption = Em espera em { $at }, os mais antigos primeiro
holds-col-held-for = Em espera há
holds-col-held-since = Em espera desde

## Etiquetas de status e durações (compartilhadas pelas telas de pagamentos; os status são os status-* de core.ftl)
badge-unknown = Status desconhecido (código { $code })
badge-checking = verificando…
badge-in-batch = Em lote
badge-in-batch-title = Uma linha de um lote, ainda não enviada: é enviada quando o lote for enviado ou retomado.
badge-not-sent = Não enviado
badge-abandoned = Abandonado
# Quanto algo durou, só as duas maiores unidades: "3 d 4 h", "2 h 5 min".
duration-days-hours = { $d } d { $h } h
duration-days = { $d } d
duration-hours-minutes = { $h } h { $min } min
duration-hours = { $h } h
duration-minutes = { $min } min
duration-under-minute = menos de 1 min

## Lista de pagamentos
list-title = Saques
list-col-status = Status
list-col-country = País
list-col-requested = Solicitado
list-sort-status = Ordenar por status
list-sort-amount = Ordenar por valor
list-sort-beneficiary = Ordenar por beneficiário
list-sort-requested = Ordenar por data da solicitação
list-any-status = Qualquer status
list-status-unknown = Status desconhecido (código não reconhecido)
# Criações não resolvidas, pelo estado da criação.
list-phase-checking = verificando… (enviado, não confirmado)
list-phase-queued = Em lote (ainda não enviado)
list-phase-not-sent = Não enviado (nunca saiu)
list-phase-abandoned = Abandonado
list-any-country = Qualquer país
list-period-any = Qualquer data
list-period-today = Hoje
list-period-yesterday = Ontem
list-period-last-7-days = Últimos 7 dias
list-period-last-30-days = Últimos 30 dias
list-currency = Moeda
list-any-currency = Qualquer moeda
# A filter: only payouts the provider received (a status other than declined), as the overview counts "sent".
list-sent-only = Somente os enviados ao provedor
list-period-this-month = Este mês
list-period-custom = Datas…
list-from = De
list-to = Até
list-search = Buscar
list-search-placeholder = nome, id, documento ou conta
list-export-csv = Exportar CSV
list-exported = { $count ->
    [one] { $count } pagamento exportado
   *[other] { $count } pagamentos exportados
  } para { $file }
list-empty = Nenhum pagamento encontrado.
list-newer = Mais recentes
list-older = Mais antigos
# O intervalo do paginador quando a página está vazia.
list-range-none = nenhum

## Detalhe do pagamento
detail-title = Pagamento { $id }
detail-title-plain = Pagamento
detail-back = Voltar
detail-back-to-list = Voltar para a lista
detail-checking-provider = Consultando o provedor…
detail-updated = Atualizado automaticamente em { $at } (consulta de status em segundo plano).
detail-hold = Reter
detail-release = Liberar
detail-cancel = Cancelar
detail-holding = Retendo…
detail-held = Retenção feita. Status atual: { $status }.
detail-releasing = Liberando…
detail-released = Liberação feita. Status atual: { $status }.
detail-cancelling = Cancelando…
detail-cancelled = Cancelamento feito. Status atual: { $status }.
detail-checked = Consulta feita. Status atual: { $status }.
detail-resending = Reenviando com o mesmo id externo…
detail-resent = Reenviado com o mesmo id externo. Status atual: { $status }.
detail-abandoning = Abandonando…
detail-abandoned = Abandono registrado. Status atual: { $status }.
detail-cancel-ask = Cancelar o pagamento { $id } de { $amount } para { $beneficiary }? Nenhum dinheiro será movimentado.
detail-cancel-ask-anonymous = Cancelar o pagamento { $id } de { $amount } para o beneficiário? Nenhum dinheiro será movimentado.
detail-cancel-confirm = Cancelar pagamento
detail-keep-it = Manter
detail-save-beneficiary = Salvar beneficiário…
# $explanation é a frase do núcleo sobre o código de rejeição do banco.
detail-rejected-with = Rejeitado com o código { $code } ({ $reason }): { $explanation }
detail-field-to-fix = Campo a corrigir: { $field }.
detail-account-show = Mostrar
detail-account-hide = Ocultar
detail-fact-status = Status
detail-fact-requested = Solicitado
detail-fact-document = Documento
detail-fact-bank = Banco
detail-fact-branch = Agência
detail-fact-country = País
detail-fact-provider-reference = Referência do provedor
detail-fact-environment = Ambiente
detail-fact-approval = Aprovação
detail-fact-last-checked = Última consulta
detail-not-known-yet = ainda não conhecido
# O que um botão de copiar copia ("Copiar { $what }").
detail-what-cashout-id = id do saque
detail-what-external-id = id externo
detail-what-provider-reference = referência do provedor
# $state: onde a aprovação está; $progress é do núcleo ("1 de 2 aprovações · por …").
detail-approval-line = { $state ->
    [waiting] pendente
    [approved] aprovada
    [rejected] rejeitada
    [expired] expirada
    [released] liberada
    [cancelled] cancelada
   *[closed] encerrada
  } · { $progress } · preparado por { $who }
detail-history = Histórico
detail-history-time = Data e hora
detail-history-event = Evento
detail-history-status = Status
detail-history-detail = Detalhe
detail-event-intent = intenção
detail-event-sent = enviado
detail-event-created = criado
detail-event-declined = recusado
detail-event-unknown = desconhecido
detail-event-found = encontrado
detail-event-not-found = não encontrado
detail-event-status = status
detail-event-action = ação
detail-event-refused = negado
detail-event-approval = aprovação
## Os demais eventos do histórico do diário (seus próprios nomes, mostrados com estas palavras).
# watch: o acompanhamento de status viu um status ou uma rejeição nova.
detail-event-watch = acompanhamento
# queued: uma linha de um lote virou este pagamento, que espera no lote sua vez de ser enviado.
detail-event-queued = na fila
# not-delivered: a criação nunca saiu (nada chegou ao provedor, ou seu lote foi cancelado antes).
detail-event-not-delivered = não entregue
detail-event-abandoned = abandonado
# action-failed: uma retenção, liberação ou cancelamento foi negado ou não pôde ser enviado.
detail-event-action-failed = falha na ação
# action-unknown: a resposta a uma retenção, liberação ou cancelamento se perdeu; o status é consultado.
detail-event-action-unknown = resultado da ação desconhecido
# reconcile-failed: a consulta de uma criação aberta pelo seu id externo não a resolveu.
detail-event-reconcile-failed = falha na conciliação
# duplicate: o provedor disse que este id externo já foi usado (511); ele é consultado.
detail-event-duplicate = id duplicado
# corrects / corrected-by: um pagamento enviado para corrigir um rejeitado, e o rejeitado.
detail-event-corrects = corrige
detail-event-corrected-by = corrigido por
# linked: unido ao id de saque do provedor; not-linked: mantido à parte.
detail-event-linked = vinculado
detail-event-not-linked = não vinculado
# added: adicionado ao diário por uma consulta (criado em outro lugar).
detail-event-added = adicionado
# foreign: o provedor tem, com este id externo, um saque que este diário não fez.
detail-event-foreign = externo
# imported: copiado de outro diário, ou a cópia desse diário difere.
detail-event-imported = importado
# merge-conflict: um diário trazido de um diretório de dados anterior tinha este pagamento de outro jeito.
detail-event-merge-conflict = conflito na mesclagem
detail-vote = { $decision ->
    [approve] { $approver } aprovou
   *[reject] { $approver } rejeitou
  }
detail-vote-reason = { $decision ->
    [approve] { $approver } aprovou: { $reason }
   *[reject] { $approver } rejeitou: { $reason }
  }
detail-resend = Reenviar com o mesmo id externo
detail-retry = Tentar de novo (mesmo id externo)
detail-abandon = Abandonar…
# $risk é a frase do núcleo sobre o que abandonar arrisca.
detail-abandon-ask = Abandonar o pagamento { $id } ({ $amount } para { $beneficiary })? { $risk }
detail-abandon-ask-anonymous = Abandonar o pagamento { $id } ({ $amount } para o beneficiário)? { $risk }
detail-abandon-confirm = Abandonar
detail-abandon-reason = Motivo (vai para o registro de auditoria)
# $label é o nome que o núcleo dá à conta ("chave PIX de telefone"), $account a conta mascarada.
detail-save-ask = Salvar { $beneficiary } ({ $label } { $account }) como enviado neste pagamento, para pagar de novo em Novo saque?
detail-save-ask-anonymous = Salvar o beneficiário ({ $label } { $account }) como enviado neste pagamento, para pagar de novo em Novo saque?
detail-save-confirm = Salvar
detail-save-label = Rótulo (ex.: “Ana — aluguel”)
detail-save-taken = “{ $name }” já está salvo ({ $label } { $account }, salvo por { $who }). Substituir pelo beneficiário deste pagamento?
detail-save-replace = Substituir
detail-saved = Salvo como “{ $name }”. Escolha-o em Novo saque; ele é verificado de novo a cada revisão.
detail-replace-draft = Novo saque tem um pagamento que você estava digitando. Substituí-lo por esta cópia?
detail-replace-draft-confirm = Substituir
detail-pay-again = Pagar de novo com os dados corrigidos
detail-copy-new = Copiar para um novo pagamento
# A nota com que um pagamento copiado abre em Novo saque: o que é, o que corrigir e a
# última frase. $kind: correct (pagar de novo com os dados corrigidos) ou copy.
detail-copy-of-rejected = { $kind ->
    [correct] Pagar de novo com os dados corrigidos
   *[copy] Copiar para um novo pagamento
  }: uma cópia do pagamento { $id }, que foi rejeitado com o código { $code } ({ $reason }).
detail-copy-of-declined-note = { $kind ->
    [correct] Pagar de novo com os dados corrigidos
   *[copy] Copiar para um novo pagamento
  }: uma cópia do pagamento { $id }, que foi recusado: { $note }.
detail-copy-of-declined = { $kind ->
    [correct] Pagar de novo com os dados corrigidos
   *[copy] Copiar para um novo pagamento
  }: uma cópia do pagamento { $id }, que foi recusado.
detail-copy-correct-field = Corrija { $field } e depois revise.
detail-copy-correct-it = Corrija e depois revise.
detail-copy-new-id = Ele recebe um novo id externo; nada é enviado antes de você revisá-lo.
detail-inspector-title = Inspetor de assinatura — requisições enviadas para este pagamento
detail-inspector-note = A API Passphrase é mascarada e a API Key mostra só os últimos 4 caracteres. A API Signature nunca é mostrada: a Payload-Signature abaixo é o cabeçalho que foi enviado, calculado a partir do corpo real (sem máscara).
detail-inspector-empty = Nenhuma requisição guardada para este pagamento.
# $name e $explanation são as palavras do núcleo para o código de erro do provedor.
detail-provider-code = Código do provedor { $code } — { $name }: { $explanation }
detail-ex-sent-at = Enviado em
detail-ex-http-status = Status HTTP
detail-ex-no-answer = sem resposta
detail-ex-outcome = Resultado
detail-ex-outcome-ok = ok
detail-ex-outcome-refused = recusado pelo provedor
detail-ex-outcome-not-delivered = não entregue
detail-ex-outcome-unknown = resultado desconhecido
detail-ex-body = Corpo enviado
detail-ex-signature = Payload-Signature
detail-ex-answer = Resposta
detail-ex-none-arrived = nenhuma chegou

## Registro de auditoria
audit-title = Registro de auditoria
audit-any-action = Qualquer ação
audit-search = Buscar
audit-search-placeholder = ids, usuário ou detalhe
audit-empty = Nenhuma entrada encontrada.
audit-col-seq = #
audit-col-time = Data e hora
audit-col-who = Usuário · ambiente
audit-col-action = Ação
audit-col-payout = Pagamento
audit-col-outcome = Resultado
audit-cashout-id = id { $id }
audit-outcome-ok = ok
audit-hash = hash
audit-hash-of-entry = hash da entrada { $seq }
audit-head-hash = hash final
audit-newer = Mais recentes
audit-older = Mais antigas
audit-verify = Verificar cadeia
audit-verifying = Verificando a cadeia…
audit-intact = Cadeia íntegra: { $count ->
    [one] { $count } entrada
   *[other] { $count } entradas
  }. Hash final (anote-o para detectar entradas removidas do final):
# $problem é a frase do núcleo sobre o que está errado nessa entrada.
audit-broken = Cadeia quebrada na entrada { $seq }: { $problem }
audit-export-csv = Exportar CSV
audit-exported = { $count ->
    [one] { $count } entrada exportada
   *[other] { $count } entradas exportadas
  } para { $file }
# O que um operador fez, como o filtro e a coluna de ação o nomeiam.
audit-action-create = criar
audit-action-hold = reter
audit-action-release = liberar
audit-action-cancel = cancelar
audit-action-lookup = consulta
audit-action-credentials-saved = credenciais salvas
audit-action-credentials-removed = credenciais removidas
audit-action-environment-switched = troca de ambiente
audit-action-export = exportação
audit-action-audit-verified = auditoria verificada
audit-action-resend = reenviar
audit-action-abandon = abandonar
audit-action-journal-moved = diário movido
audit-action-settings-changed = configurações alteradas
audit-action-journal-switched = troca de diário
audit-action-approval-approved = aprovação: aprovada
audit-action-approval-rejected = aprovação: rejeitada
audit-action-approval-expired = aprovação: expirada
audit-action-approval-released = aprovação: liberada
audit-action-approval-cancelled = aprovação: cancelada
audit-action-approval-closed = aprovação: encerrada
audit-action-policy-proposed = política proposta
audit-action-policy-applied = política aplicada
audit-action-policy-rejected = política rejeitada
audit-action-beneficiary-saved = beneficiário salvo
audit-action-beneficiary-updated = beneficiário atualizado
audit-action-beneficiary-deleted = beneficiário excluído
audit-action-batch-confirmed = lote confirmado
audit-action-batch-started = lote iniciado
audit-action-batch-paused = lote pausado
audit-action-batch-cancelled = lote cancelado
audit-action-batch-finished = lote concluído
audit-action-update-checked = busca de atualização
audit-action-update-installed = atualização instalada
