# O formulário de novo saque, a consulta e o diagrama de status (português do Brasil).

## Novo saque: o formulário
new-title = Novo saque
new-field-country = País
new-field-method = Método de pagamento
new-field-bank = Banco
new-field-on-hold = Criar em espera para revisão
new-field-override-check-digits = Aceitar dígito verificador nacional incorreto (só sandbox e staging)
new-section-notification = Notificação e revisão
new-review = Revisar
# O nome mostrado para um código de banco já escolhido que a lista do provedor não oferece.
new-bank-not-listed = fora da lista do provedor

## Novo saque: beneficiários salvos
new-saved-label = Pagar a um beneficiário salvo
new-saved-choose = — escolha —
new-saved-used = Preenchido com o beneficiário salvo “{ $label }” (salvo por { $who }). Tudo é verificado de novo na revisão.
new-saved-delete = Excluir “{ $label }”…
new-saved-delete-ask = Excluir o beneficiário salvo “{ $label }”? Os pagamentos já feitos mantêm o que enviaram.
new-saved-delete-confirm = Excluir
new-saved-deleted = “{ $label }” excluído.

## Novo saque: a revisão
new-review-title = Revisão: exatamente o que será enviado
new-review-warnings = Antes de enviar, saiba que:
# $environment é o nome do ambiente, p. ex. d24-production.
new-review-body-note = O corpo como o núcleo vai enviá-lo, byte a byte, exceto que a API Key mostra só os últimos 4 caracteres e a passphrase fica mascarada. Assinado com a API Signature guardada para { $environment } (nunca exibida).
# $amount e $currency vêm escritos pelo núcleo, p. ex. "77.70" e "BRL".
new-send = Enviar { $amount }
new-edit = Editar
new-send-confirm = Enviar pagamento
new-sending = Enviando…

## Novo saque: depois de uma recusa
new-fields-to-fix = { $count ->
    [one] { $count } campo a corrigir antes de enviar qualquer coisa.
   *[other] { $count } campos a corrigir antes de enviar qualquer coisa.
  }
new-decline-next = Nada foi pago. Corrija o pagamento e revise-o de novo.
new-open-earlier = Abrir o pagamento anterior
new-pay-again = Pagar de novo de propósito…
# $state é um rótulo de status (p. ex. "Concluído") ou um de new-earlier-phase.
new-pay-again-earlier = Um pagamento idêntico já foi solicitado: { $amount } para { $beneficiary }, id externo { $id }, solicitado em { $requested }, status atual: { $state }.
new-pay-again-earlier-same-beneficiary = Um pagamento idêntico já foi solicitado: { $amount } para o mesmo beneficiário, id externo { $id }, solicitado em { $requested }, status atual: { $state }.
new-pay-again-earlier-unrecorded = Um pagamento idêntico já foi solicitado: id externo { $id }.
new-pay-again-ask = Enviar este como um segundo pagamento, separado, do mesmo valor para a mesma conta?
# Onde está um pagamento anterior que não tem status do provedor.
new-earlier-phase = { $phase ->
    [queued] em um lote, ainda não enviado
    [intent] sendo enviado
    [unknown] resultado desconhecido
    [sent_not_found] enviado, não encontrado no provedor
    [created] criado
    [declined] recusado pelo provedor
    [not_sent] não enviado
    [abandoned] abandonado
   *[other] desconhecido
  }
new-pay-again-confirm = Pagar de novo
new-sending-again = Reenviando com o mesmo id externo…
new-retry = Tentar de novo
new-open-not-sent = Abrir
# $id é o id externo do pagamento que este corrige.
new-unlink = Não vincular a { $id }

## Consulta
lookup-title = Consulta
lookup-intro = Consulta o saque no provedor neste ambiente e o guarda no diário.
lookup-by = Buscar por
lookup-value = Identificador
lookup-check = Consultar
lookup-bad-id = O id do saque é um número inteiro positivo.

## Diagrama de status (o nome acessível e as palavras das setas)
# $status é um rótulo de status, p. ex. "Rejeitado".
diagram-now = Diagrama de status: { $status }.
diagram-now-unknown = Diagrama de status: um status que o Cashout Desk não conhece.
diagram-now-not-known = Diagrama de status: status ainda desconhecido.
# $path são os rótulos de status unidos por setas, p. ex. "Pendente → Entregue".
diagram-path = Percurso: { $path }.
diagram-no-path = Nenhum percurso ainda.
diagram-edge-hold = reter
diagram-edge-release = liberar
diagram-edge-cancel = cancelar
# Uma reversão depois de um status que parecia final (Concluído → Rejeitado).
diagram-edge-late = tardio
