# Cashout Desk — as mensagens do núcleo (português do Brasil; o inglês é o idioma de referência).
# Cada id deste arquivo existe também em en e es com as mesmas variáveis (verificado no CI).

## Status: um rótulo curto e o que ele significa para um operador.
status-PENDING = Pendente
status-PENDING-meaning = Aceito pelo provedor, ainda não enviado ao banco. Pode ser retido ou cancelado.
status-COMPLETED = Concluído
status-COMPLETED-meaning = O dinheiro chegou ao beneficiário. O banco ainda pode devolvê-lo mais tarde.
status-CANCELLED = Cancelado
status-CANCELLED-meaning = Cancelado antes de chegar ao banco. Nenhum dinheiro foi movimentado.
status-REJECTED = Rejeitado
status-REJECTED-meaning = O banco recusou ou devolveu o pagamento. Veja o código de rejeição.
status-DELIVERED = Entregue
status-DELIVERED-meaning = Enviado ao banco. Não pode mais ser cancelado.
status-ON_HOLD = Em espera
status-ON_HOLD-meaning = Retido: o valor continua reservado e nada é enviado até ser liberado.
status-DECLINED = Recusado
status-DECLINED-meaning = O provedor recusou a solicitação. Nenhum saque foi criado.
status-UNKNOWN = Status desconhecido
status-UNKNOWN-meaning = O provedor informou um status que o Cashout Desk não conhece. Nenhuma ação é possível até que um status conhecido seja recebido; ele continua sendo consultado como um pagamento em aberto.
status-IN_BATCH = Em um lote
status-IN_BATCH-meaning = Uma linha de um lote, ainda não enviada: é enviada quando o lote é enviado ou retomado.
status-NOT_SENT = Não enviado
status-NOT_SENT-meaning = Nunca saiu desta mesa; pode ser enviado de novo com o mesmo external_id.
status-UNCONFIRMED = Não confirmado
status-UNCONFIRMED-meaning = Foi enviado, mas a resposta do provedor não chegou; é consultado pelo external_id antes de qualquer reenvio.
status-ABANDONED = Abandonado
status-ABANDONED-meaning = Um operador deixou de verificar esta criação; o motivo está no registro de auditoria.

## Códigos de erro do provedor (o `code` do corpo de uma chamada com falha): o que aconteceu e o que fazer.
api-code-300 = O provedor recusou um campo; a mensagem dele indica qual.
api-code-302 = A Payload-Signature não confere. Verifique a API Signature guardada para este ambiente.
api-code-303 = O código do banco não é válido para este país.
api-code-401 = A API Key ou a API Passphrase está incorreta para este ambiente.
api-code-402 = O endereço IP deste computador não está na lista de IPs permitidos para saques no Merchant Panel (Settings → API Access).
api-code-502 = O provedor não conseguiu ler o corpo da requisição.
api-code-503 = Limites regulatórios da conta do beneficiário impedem este pagamento.
api-code-504 = O beneficiário não está autorizado devido à sua situação cadastral (Receita Federal).
api-code-508 = Um limite por transação, diário ou mensal da conta do comerciante foi excedido.
api-code-509 = Não existe nenhum saque com este id neste ambiente.
api-code-510 = O status atual do saque não permite esta alteração.
api-code-511 = Este external_id já foi usado em outro saque.
api-code-514 = O saldo do comerciante não cobre este pagamento.
api-code-515 = O beneficiário está na lista de bloqueio, bloqueado ou suspenso.
api-code-518 = Pagamentos para este país não estão disponíveis para esta conta.
api-code-519 = A conta do comerciante não está habilitada para saques.
api-code-521 = Esse status não pode ser solicitado por este endpoint.
api-code-524 = As credenciais não são válidas para saques; entre em contato com a equipe de integração do provedor.
api-code-525 = Recusado pela regra de circuito fechado (close-loop): pague somente a contas que fizeram depósito.
api-code-526 = A moeda não é aceita para este país.
api-code-533 = O valor está abaixo do mínimo para este país.
api-code-537 = O provedor não conseguiu realizar o saque; entre em contato com a equipe de integração dele.
api-code-538 = A conta do beneficiário está na lista de bloqueio.
api-code-539 = Este método de pagamento ou banco não está habilitado para o país.
api-code-540 = O e-mail ou o telefone do beneficiário é obrigatório.
api-code-541 = Este e-mail já é usado por outro beneficiário.
api-code-542 = Este telefone já é usado por outro beneficiário.
api-code-543 = O número de telefone não é válido.
api-code-565 = O banco não tem licença para processar esta transação.
api-code-702 = O provedor não conseguiu cancelar o saque.
api-code-703 = O provedor não conseguiu realizar o saque; entre em contato com a equipe de integração dele.
api-code-unknown = O provedor respondeu com um código que esta versão não conhece; a mensagem dele traz mais detalhes.

## Códigos de rejeição bancária dos saques REJECTED.
rejection-code-800 = O número da conta bancária é inválido.
rejection-code-801 = A conta bancária está encerrada.
rejection-code-802 = O banco recusou o valor.
rejection-code-803 = O código do banco é inválido.
rejection-code-804 = A agência bancária é inválida.
rejection-code-805 = O documento do beneficiário é inválido.
rejection-code-806 = O nome não corresponde aos registros do banco.
rejection-code-807 = O banco rejeitou o pagamento sem um motivo específico.
rejection-code-808 = Rejeitado por outro motivo; peça os detalhes ao provedor.
rejection-code-809 = O pagamento expirou antes de ser concluído.
rejection-code-810 = O limite do beneficiário foi excedido.
rejection-code-811 = O pagamento viola a política de risco do banco.
rejection-code-812 = A conta do beneficiário está bloqueada ou congelada.
rejection-code-813 = O documento não corresponde ao titular da conta.
rejection-code-814 = A chave PIX é inválida ou não está cadastrada.
rejection-code-815 = O código IFSC é inválido.
rejection-code-816 = A conta ou o código IFSC é inválido.
rejection-code-817 = O NBIN é inválido.
rejection-code-818 = A conta não pode receber transferências.
rejection-code-819 = O tipo de conta está incorreto para esta conta.
rejection-code-820 = Rejeitado a pedido do comerciante.
rejection-code-821 = O limite mensal do beneficiário foi excedido.
rejection-code-822 = O nome da conta deve ser escrito em katakana.
rejection-code-823 = Rejeitado a pedido do comerciante (código legado).
rejection-code-824 = Rejeitado por um controle de terceiros.
rejection-code-826 = O banco estornou o pagamento depois de concluído.
rejection-code-unknown = Rejeitado com um código que esta versão não conhece; veja o motivo da rejeição.

## O resumo (janela e CLI)
overview-chart-summary = { $currency }, { $days ->
    [one] { $days } dia
   *[other] { $days } dias
  } de { $first } a { $last }: enviado { $sum } em { $count ->
    [one] { $shown } pagamento
   *[other] { $shown } pagamentos
  }; o maior dia { $day }, { $daysum }.
overview-chart-summary-empty = { $currency }, { $days ->
    [one] { $days } dia
   *[other] { $days } dias
  } de { $first } a { $last }: nada enviado ({ $sum }, { $count } pagamentos).

## O formulário de novo saque: rótulos, dicas, métodos, países, tipos de conta
field-external-id = Id externo
hint-external-id = se vazio, é gerado na revisão
field-amount = Valor
hint-amount = ex.: { $example }
field-currency = Moeda
field-document-type = Tipo de documento
field-document-id = Número do documento
field-first-name = Nome do beneficiário
field-last-name = Sobrenome do beneficiário
field-address = Endereço
field-notification-url = URL de notificação
hint-notification-url = https://…, porta 443
field-comments = Comentários
hint-comments = ensaios no sandbox: sandbox:reject=814, sandbox:decline=514, …
field-clabe = CLABE
hint-clabe = 18 dígitos, ex.: 021790064060296642
field-cci = CCI
hint-cci = 20 dígitos, ex.: 00219300153895206813
field-cbu = CBU / CVU
hint-cbu = 22 dígitos, ex.: 2850590940090418135201
field-account-number = Número da conta
hint-account-co = de 8 a 19 dígitos
hint-account-cl = de 6 a 16 dígitos
hint-account-br = com o dígito verificador, ex.: 3423422-7
field-branch = Agência
hint-branch = ex.: 1234
field-account-type = Tipo de conta
field-email = E-mail
hint-email-ar = a página do provedor para a Argentina pede
field-pix-phone = Chave PIX (telefone)
hint-pix-phone = celular, ex.: (11) 98765-4321 ou +55 11 98765-4321
field-pix-email = Chave PIX (e-mail)
hint-pix-email = ana@example.com (enviado em minúsculas)
field-mobile = Número do celular
hint-mobile = só dígitos, ex.: 3001234567
field-phone = Telefone
hint-phone = 10 ou 11 dígitos
hint-phone-co = +57 e 10 dígitos
field-bank = Banco
method-transfer = Transferência bancária
method-transfer-named = Transferência bancária ({ $account })
# A PIX method in the method picker (the bank list's own name stays in English for records).
method-pix-phone = PIX — chave celular
method-pix-email = PIX — chave e-mail
method-pix-document = PIX — chave CPF/CNPJ
method-pix-random = PIX — chave aleatória (EVP)
country-BR = Brasil
country-MX = México
country-CO = Colômbia
country-PE = Peru
country-CL = Chile
country-AR = Argentina
account-type-C = corrente
account-type-S = poupança
account-type-V = conta vista / salário
account-type-M = conta master

## Valores digitados por um operador, recusados no campo do valor
amount-not-a-number = o valor não é um número: digite algarismos, com um ponto antes dos centavos (ex.: 150.25)
# Typed in a locale whose amounts are not written 150.25; $example is that locale's way (1.234,56).
amount-not-a-number-here = o valor não é um número: digite algarismos, como { $example }
amount-not-positive = o valor deve ser maior que zero
amount-too-many-decimals = o valor pode ter no máximo 2 casas decimais
amount-too-large = o valor é maior que 1.000.000.000
amount-exponent = expoentes não são aceitos em valores: escreva o valor por extenso (ex.: 1000)
amount-ambiguous = { $typed } é ambíguo: lê-se como { $thousands } onde '{ $separator }' separa os milhares, e como { $decimal } onde marca os decimais; digite { $thousands } ou { $decimal }
amount-three-decimals = { $typed } é ambíguo: lê-se como { $thousands } onde '{ $separator }' separa os milhares; onde marca os decimais teria três casas decimais, o que um valor não pode ter; digite { $thousands } se é isso que quer dizer
amount-grouped = escreva o valor sem separadores de milhar, com um ponto antes dos centavos (ex.: { $suggestion })
amount-unreadable = { $typed } não pode ser lido como valor: escreva-o sem separadores de milhar, com um ponto antes dos centavos (ex.: 1234.56)
amount-other-locale = { $typed } não está escrito como { $locale } escreve valores: digite-o como { $example }
amount-decimal-comma = escreva os centavos depois de um ponto, não de uma vírgula (ex.: { $suggestion })

## A revisão de uma criação, acima do corpo
review-beneficiary = Beneficiário
review-document = Documento
review-pix-phone = Chave PIX (telefone)
review-pix-email = Chave PIX (e-mail)
review-pix-document = Chave PIX (documento)
review-pix-random = Chave PIX (aleatória)
review-wallet = Carteira
review-account = Conta
review-phone = Telefone
review-email = E-mail
review-bank = Banco
review-bank-from-account = pelo número da conta
review-branch = agência { $branch }
review-account-type = tipo de conta { $type }
review-amount = Valor
review-created = Criação
review-created-approval = em espera até que outro operador aprove
review-created-on-hold = em espera (liberado manualmente)
review-external-id = Id externo
review-environment = Ambiente

## Notificações de área de trabalho do acompanhamento
notice-late-rejection = Rejeição tardia: fundos devolvidos após COMPLETED
notice-rejected = Pagamento rejeitado
notice-completed = Pagamento concluído
notice-on-hold = Em espera há { $held }: os fundos continuam reservados
notice-held-since = desde { $since }
notice-payout-to = { $amount } para { $beneficiary } ({ $id })
notice-payout = { $amount } ({ $id })
notice-a-payout = Um pagamento
notice-cashout = saque { $id }
notice-external-id = id externo { $id }

## O que o estado de um pagamento significa, quando diz mais que um status
state-sent-not-found = Enviado, ainda não encontrado: o provedor não mostrou este pagamento ao ser consultado pelo id externo, mas ele pode existir (os registros podem atrasar). É consultado de novo sozinho, cada vez menos, até acabar a janela de criações em aberto (uma configuração); depois, só um operador o resolve. Reenviar com o mesmo id externo é seguro: se o provedor o tiver, ele é encontrado, nunca pago duas vezes.
state-checking = Verificando com o provedor: a resposta a esta criação se perdeu. É consultado pelo id externo; nada é reenviado enquanto isso.
state-queued = Aguardando no lote: ainda não enviado. É enviado quando o lote é enviado ou retomado, e marcado como nunca enviado se o resto do lote for cancelado.
state-not-sent = Nada foi enviado: a solicitação nunca saiu deste computador. Tentar de novo a envia com o mesmo id externo.
state-abandoned = Abandonado por um operador: a mesa não o verifica mais. Se o provedor o recebeu, ainda pode ser pago.
state-unknown-status = O provedor informa o código de status { $code }. { $meaning }
state-with-last = { $text } Último: { $last }.

## Erros do núcleo: o que deu errado e o que fazer (detalhes que vêm de outro lugar são mantidos como estão)
err-validation-invalid = a solicitação não é válida
err-validation-more = { $field }: { $message } (e mais { $count })
err-api = { $message } (código do provedor { $code }: { $explanation })
err-network = não foi possível contatar o provedor ou ele não respondeu: { $detail }
err-not-sent = nada foi enviado: { $detail }; o pagamento fica guardado como não enviado, e enviá-lo de novo usa o mesmo external_id { $external_id }
err-action-unknown = a operação { $action } pode ou não ter sido aplicada: { $detail }
err-provider-fault = a resposta do provedor não foi considerada confiável e nada dela foi registrado: { $detail }
err-unknown-status = o provedor informa o código de status { $code }, que esta mesa não conhece; nenhuma ação é permitida até que o provedor informe um status conhecido
err-outcome-unknown = o resultado do saque { $external_id } ainda não é conhecido ({ $detail }); ele fica guardado no diário e será verificado pelo external_id antes que qualquer coisa seja reenviada
err-malformed-answer = não foi possível ler a resposta do provedor: { $detail }
err-unsettled-external-id = o id externo { $external_id } foi gerado para um pagamento anterior que pode ter sido enviado e ainda não está resolvido (verificando…); abra-o e reenvie ou abandone-o antes de enviar um pagamento corrigido
err-external-id-conflict = o external_id { $external_id } já foi usado neste ambiente para um pagamento diferente; escolha outro external_id ou reenvie a solicitação idêntica
err-possible-duplicate = um pagamento idêntico (mesmo valor, moeda, documento e conta) foi solicitado nas últimas 24 horas com o external_id { $external_id } (agora { $now }); abra-o para verificar ou retomá-lo ou, para pagar uma segunda vez de propósito, diga isso explicitamente (aplicativo desktop: “Pagar de novo de propósito”; CLI: --pay-again-of { $external_id })
err-action-not-allowed = não é possível aplicar { $action } a um saque que está em { $status }
err-missing-credentials = nenhuma credencial está guardada para { $environment }; guarde-as em Configurações (aplicativo desktop) ou com `cashout credentials set`
err-missing-read-only-key = a lista de bancos do provedor precisa da chave somente leitura, e nenhuma está guardada para { $environment }; guarde-a com as credenciais (Configurações, ou a quarta linha de `cashout credentials set`)
err-journal = o diário falhou: { $detail }
err-team-journal = o diário da equipe: { $detail }
err-team-schema-newer = o esquema do diário da equipe é a versão { $found }, mais nova do que esta mesa conhece ({ $expected }): atualize o Cashout Desk antes de usar o diário da equipe; nada foi escrito
err-team-schema-older = o esquema do diário da equipe é a versão { $found }, mais antiga do que esta mesa precisa ({ $expected }): o administrador da equipe deve executar `cashout team migrate`; nada foi escrito
