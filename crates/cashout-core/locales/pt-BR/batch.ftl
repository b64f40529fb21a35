## Batch imports: issues found in a file, the result file's columns, the export's headers.
## Ids start with `batch-` or `export-`; English is the wording the tests compare.
# Frases do núcleo, quase todas mostradas em uma célula ou como recusa; começam com minúscula
# porque muitas vezes aparecem depois de um rótulo. Valores, sinais ('.' ','), números de
# linha, letras de coluna, cabeçalhos, ids, códigos e erros de outros programas chegam como
# variáveis, tal como estão escritos (português do Brasil, de "você").
# Em pt-BR, 0 cai na categoria "one": as contagens que podem ser 0 têm uma variante [0].

## Leitura do arquivo (CSV ou Excel)
# $size, $max: megabytes; $rows: o máximo de linhas de pagamentos de um lote.
batch-file-too-large = o arquivo tem { $size } MB; um arquivo de lote tem no máximo { $max } MB ({ $rows } linhas)
batch-file-xls = esta é uma pasta de trabalho antiga do Excel (.xls); salve-a como Pasta de Trabalho do Excel (.xlsx) ou como CSV e importe esse arquivo
# $rows: linhas de pagamentos do arquivo; $max: o máximo de um lote.
batch-file-too-many-rows = o arquivo tem { $rows } linhas de pagamentos; um lote comporta no máximo { $max }: divida-o em vários arquivos
batch-file-over-max-rows = o arquivo tem mais de { $max } linhas de pagamentos; um lote comporta no máximo { $max }: divida-o em vários arquivos
batch-file-no-rows = o arquivo tem um cabeçalho, mas nenhuma linha de pagamento abaixo dele
batch-file-empty = o arquivo está vazio
# Um CSV lido pela sua marca de ordem de bytes UTF-8, como a linha do arquivo na revisão o nomeia.
batch-encoding-utf8-bom = UTF-8 com BOM
# $encoding: o nome da codificação (UTF-8, UTF-16LE, ou batch-encoding-utf8-bom).
batch-file-bad-encoding = a linha { $line } do arquivo não é { $encoding } válido; salve o arquivo de novo como CSV UTF-8 e importe esse arquivo
# country, currency e amount são os nomes de coluna do modelo: não traduzi-los.
batch-file-one-column = a linha de cabeçalho tem uma só coluna: separe as colunas com vírgulas, pontos e vírgulas ou tabulações (um lote precisa de pelo menos country, currency e amount)
# $first, $second: dois de batch-separator-commas, -semicolons, -tabs.
batch-file-separator-tie = a linha de cabeçalho usa { $first } e { $second } o mesmo número de vezes, então não é possível saber qual é o separador; salve o arquivo com um só separador
batch-separator-commas = vírgulas
batch-separator-semicolons = pontos e vírgulas
batch-separator-tabs = tabulações
batch-file-open-quote = uma célula entre aspas não foi fechada (as últimas aspas estão na linha { $line }): as linhas seguintes seriam lidas como parte de uma só célula; corrija as aspas e importe o arquivo de novo
# $error: o texto do leitor de CSV (em inglês).
batch-file-bad-csv = a linha { $line } do arquivo não pode ser lida como CSV ({ $error })
# Aqui "linha" é a linha de texto do arquivo; a linha da planilha pode ocupar várias.
batch-file-line-break = a linha { $line } do arquivo não pode ser separada da linha anterior da planilha (uma quebra de linha dentro de uma célula sem aspas?); salve o arquivo de novo a partir da planilha e importe esse arquivo
# $error: o texto do leitor de pastas de trabalho (em inglês).
batch-file-not-workbook = o arquivo é um arquivo ZIP, mas não uma pasta de trabalho do Excel que possa ser lida ({ $error }); salve-o como .xlsx ou como CSV
# $sheet: o nome da planilha; $error: o texto do leitor (em inglês).
batch-sheet-unreadable = não é possível ler a planilha { $sheet } ({ $error })
# $column: uma letra de coluna (XFD); $max: o máximo de colunas de um lote.
batch-sheet-too-wide = a planilha { $sheet } tem um valor na coluna { $column } (linha { $row }); um lote usa no máximo { $max } colunas
batch-sheet-too-long = a planilha { $sheet } tem um valor na linha { $row }; um lote comporta no máximo { $max } linhas: divida-a ou apague o que está abaixo dos pagamentos
batch-workbook-unreadable = não é possível ler a pasta de trabalho ({ $error })
# $what: batch-workbook-hidden-row ou batch-workbook-hidden-column ("linha 3"; ambas femininas).
batch-workbook-hidden = a pasta de trabalho oculta linhas ou colunas (a { $what } está oculta, manualmente ou por um filtro): o que está oculto também seria pago. Mostre todas as linhas e colunas (limpe os filtros), ou copie para uma nova pasta de trabalho só os pagamentos que você quer fazer, e importe essa pasta
batch-workbook-hidden-row = linha { $number }
batch-workbook-hidden-column = coluna { $number }
batch-workbook-visible-empty = as planilhas visíveis da pasta de trabalho estão vazias
batch-workbook-empty = as planilhas da pasta de trabalho estão vazias

## Valores, lidos no estilo decimal declarado para o arquivo. $amount é a célula tal como está
## escrita; $decimal e $group são os sinais ('.' ou ','); $example, $declared e $other são as
## amostras dos estilos ("1,234.56", "1.234,56"): não localizá-las.
batch-amount-empty = o valor está vazio
# Fecha várias mensagens abaixo ($hint).
batch-amount-style-hint = os valores deste arquivo foram declarados como { $declared }; se estiverem escritos como { $other }, escolha essa opção
batch-amount-bad-chars = { $amount } não é um valor: use apenas dígitos, '{ $group }' entre os milhares e '{ $decimal }' antes dos centavos (ex.: { $example })
batch-amount-two-decimal-marks = { $amount } tem '{ $decimal }' mais de uma vez; em { $example } ele marca os centavos uma única vez — { $hint }
batch-amount-unreadable = não é possível ler { $amount }: { $hint }
batch-amount-ambiguous = { $amount } é ambíguo: '{ $decimal }' é seguido de três dígitos, então provavelmente agrupa milhares — um valor tem no máximo duas casas decimais; { $hint }
batch-amount-trailing-mark = { $amount } termina com '{ $decimal }': acrescente os centavos ou remova o sinal
batch-amount-too-many-decimals = { $amount } tem mais de duas casas decimais
batch-amount-bad-grouping = { $amount } tem '{ $group }' onde não agrupa milhares (grupos de três dígitos); { $hint }
# Uma célula numérica do Excel cujo número guardado não pode ser lido como valor.
batch-amount-not-number = { $amount } não é um valor
batch-amount-float-residue = a planilha guardou { $amount }, que tem mais de duas casas decimais (um resíduo de arredondamento de uma fórmula, ou um erro de digitação); digite de novo o valor correto

## Qual campo cada coluna preenche. $field é o nome de um campo tal como o formato do arquivo o
## nomeia (amount, document_id): não traduzi-lo. $column é uma letra de coluna; $header, o
## cabeçalho do arquivo.
# Por que a coluna external_id do arquivo não é usada (mostrado ao lado da coluna).
batch-map-external-id-unused = não usada: cada linha recebe seu próprio id externo (o id do lote e o número da linha), então um arquivo importado duas vezes nunca paga duas vezes
batch-map-already-filled = não usada: a coluna { $column } ({ $header }) já preenche { $field }
# $columns: as colunas do arquivo; $choices: para quantas o operador escolheu.
batch-map-wrong-count = o arquivo tem { $columns ->
    [0] { $columns } colunas
    [one] { $columns } coluna
   *[other] { $columns } colunas
  }; escolha um campo (ou nenhum) para cada uma delas, não { $choices }
batch-map-unknown-field = { $field } não é um campo que uma coluna do lote possa preencher
batch-map-field-twice = { $field } foi escolhido para duas colunas; escolha-o para uma só

## Problemas de uma célula. $where é batch-cell-where ("coluna B (Valor)"); $value, o texto da célula.
batch-cell-where = coluna { $column } ({ $header })
batch-cell-not-text = a { $where } contém uma célula de data, de verdadeiro/falso ou de erro ({ $value }); digite o valor como texto
batch-cell-number = a planilha guardou { $value } na { $where } como número, então zeros à esquerda e qualquer dígito depois do 15º podem já ter sido perdidos; digite-o aqui exatamente como no cadastro do beneficiário, ou formate a coluna como Texto na planilha, digite os valores de novo e importe o arquivo de novo
batch-cell-scientific = { $value } na { $where } é um número em notação científica: a planilha já substituiu os últimos dígitos por zeros; digite o valor completo
# A coluna de retenção: o arquivo pode dizer sim/não em inglês, espanhol ou português.
batch-cell-yes-no = { $where }: escreva sim ou não ({ $value } não é nenhum dos dois)

## Problemas de uma linha
# $values: as células da linha; $columns: as do cabeçalho; $extra: batch-extra-cell-empty ou
# batch-extra-cell-value, a primeira célula depois da última coluna.
batch-row-extra-cells = esta linha tem { $values } células, mas o cabeçalho tem { $columns ->
    [one] { $columns } coluna
   *[other] { $columns } colunas
  } ({ $extra }); um separador dentro de uma célula (um valor escrito 1,234.56 em um arquivo separado por vírgulas?) desloca as células: coloque o conteúdo entre aspas ou corrija o arquivo
batch-extra-cell-empty = uma vazia
batch-extra-cell-value = coluna { $column }: { $value }
# Uma linha que paga a um dos beneficiários inventados dos modelos.
batch-row-template-example = esta é a linha de exemplo do modelo ({ $currency } { $amount } para { $beneficiary }): apague-a ou exclua-a
# $payout: um external id; $what: a descrição desse pagamento no diário.
batch-row-already-in-journal = esta linha indica o pagamento { $payout }, que já está no diário ({ $what }): um arquivo de resultados ou um lote anterior importado de novo; ele não é pago de novo — exclua a linha

## Avisos que comparam linhas
# $rows: os números das outras linhas ("4, 9").
batch-dup-in-file = o mesmo valor para a mesma conta que a linha { $rows } deste arquivo; exclua uma delas, a menos que as duas sejam intencionais
# $payout: um external id; $at: quando foi solicitado (hora deste computador, no formato do idioma).
batch-dup-in-journal = o mesmo valor para a mesma conta que o pagamento { $payout }, solicitado em { $at } (nas últimas 24 horas); exclua esta linha, a menos que ela deva ser paga de novo
# $factor: quantas vezes maior; $count: pagamentos anteriores ao beneficiário; $largest: o maior deles.
batch-unusual-amount = { $currency } { $amount } é mais de { $factor } vezes o maior dos { $count } pagamentos anteriores a este beneficiário nos últimos 90 dias ({ $currency } { $largest }); confira

## Os totais de controle que o operador digita, por moeda. $expected é o que o lote tem.
batch-control-type-once = digite uma única vez a quantidade e o total de { $currency } (o lote envia { $count ->
    [0] { $count } pagamentos
    [one] { $count } pagamento
   *[other] { $count } pagamentos
  } nessa moeda)
batch-control-count = { $currency }: você digitou { $typed ->
    [0] { $typed } pagamentos
    [one] { $typed } pagamento
   *[other] { $typed } pagamentos
  }; o lote envia { $expected }
batch-control-total = { $currency }: você digitou um total de { $typed }; o lote envia { $expected }
# $error: uma das mensagens de valores acima.
batch-control-unreadable = { $currency }: o total digitado não pode ser lido: { $error }
batch-control-extra-currency = o lote não envia nada em { $currency }; remova esse total de controle
# $problems: as mensagens acima, separadas por ponto e vírgula.
batch-control-mismatch = os totais de controle não conferem, então nada é enviado: { $problems }

## Revisar e registrar um lote
batch-no-row = o lote não tem a linha { $row }
# $column: o número de uma coluna, a partir de 1.
batch-no-column = o arquivo não tem a coluna { $column }
batch-column-external-id-fixed = a coluna { $column } ({ $header }) identifica pagamentos pelo id externo e não é alterada aqui; em vez disso, exclua a linha
batch-rows-blocked = { $count ->
    [0] { $count } linhas têm erros: corrija-as ou exclua-as antes de enviar
    [one] { $count } linha tem erros: corrija-a ou exclua-a antes de enviar
   *[other] { $count } linhas têm erros: corrija-as ou exclua-as antes de enviar
  }
# Como batch-rows-blocked, com o primeiro erro da primeira dessas linhas.
batch-rows-blocked-first = { $count ->
    [0] { $count } linhas têm erros: corrija-as ou exclua-as antes de enviar
    [one] { $count } linha tem erros: corrija-a ou exclua-a antes de enviar
   *[other] { $count } linhas têm erros: corrija-as ou exclua-as antes de enviar
  } (linha { $row }: { $message })
batch-nothing-to-send = não sobrou nenhuma linha para enviar
# $rows: números de linha, no máximo dez, e depois "…". O botão citado é review-pay-again.
batch-rows-repeat = { $count ->
    [one] { $count } linha paga o mesmo valor para a mesma conta que outra linha do arquivo ou que um pagamento das últimas 24 horas (linha { $rows }): exclua-a ou informe que ela deve ser paga de novo
   *[other] { $count } linhas pagam o mesmo valor para a mesma conta que outra linha do arquivo ou que um pagamento das últimas 24 horas (linhas { $rows }): exclua-as ou informe que elas devem ser pagas de novo
  } (aplicativo desktop: “Pagar de novo”; CLI: --pay-duplicates-again)
# O total de uma moeda em batch-confirm-question ($totals os une com ponto e vírgula: a vírgula pode ser o separador decimal).
batch-confirm-total = { $total } em { $count ->
    [0] { $count } pagamentos
    [one] { $count } pagamento
   *[other] { $count } pagamentos
  }
# Perguntado em produção antes de registrar o lote; $environment é o código dele (PRODUCTION).
batch-confirm-question = Registrar este lote de { $ready ->
    [0] { $ready } pagamentos
    [one] { $ready } pagamento
   *[other] { $ready } pagamentos
  } ({ $totals }) em { $environment } e enviá-lo? Isto movimenta dinheiro real: cada linha é enviada no ritmo escolhido até que o lote seja concluído, pausado ou cancelado.
# $sha256: o hash do arquivo; $at: quando o lote anterior foi registrado; $state: batch-record-state.
# O botão citado é review-same-file.
batch-same-file = este arquivo (SHA-256 { $sha256 }) já foi importado como o lote { $batch } em { $at } ({ $state }; { $created } de { $payouts ->
    [0] { $payouts } pagamentos criados
    [one] { $payouts } pagamento criado
   *[other] { $payouts } pagamentos criados
  }); importá-lo de novo poderia pagar cada linha duas vezes — faça isso só de propósito (aplicativo desktop: “Importar mesmo assim”; CLI: --same-file-again)
# $max: o ritmo mais rápido aceito; $rate: o pedido.
batch-rate-out-of-range = o ritmo vai de 1 a { $max } solicitações por minuto; { $rate } não é válido
batch-not-found = este ambiente não tem o lote { $batch }
batch-no-such-batch = o lote { $batch } não existe

## Em que ponto está um lote e por que ele não pode mudar agora. $sender: a mesa que o envia.
# A situação de um lote como uma frase a diz ("o lote … está pausado"): $state é ready,
# sending, paused, done ou cancelled.
batch-record-state = { $state ->
    [ready] pronto
    [sending] em envio
    [paused] pausado
    [done] concluído
    [cancelled] cancelado
   *[other] { $state }
  }
batch-change-not-sender = o lote { $batch } está { $state } e esta mesa não o envia mais
# $until: quando vence a reserva da mesa que o envia (hora deste computador).
batch-change-busy = o lote { $batch } está sendo enviado por { $sender } (até { $until }); um lote é enviado por uma mesa de cada vez
batch-change-nothing-to-send = o lote { $batch } está { $state }: não sobrou nada para enviar
batch-change-nothing-to-pause = o lote { $batch } está { $state }: não há nada para pausar
batch-change-already = o lote { $batch } já está { $state }
batch-change-rows-left = o lote { $batch } ainda tem { $rows ->
    [one] { $rows } linha
   *[other] { $rows } linhas
  } para enviar
# Por que uma linha de um lote não é enviada agora.
batch-row-never-sent = este pagamento é uma linha do lote { $batch }, cujo restante foi cancelado antes de ela ser enviada: ela nunca é enviada
batch-row-waits-for-batch = este pagamento é uma linha do lote { $batch }, que está { $state }: ela é enviada quando o lote for enviado ou retomado
batch-row-no-request = o diário não tem nenhuma solicitação para esta linha

## Modelos e arquivo de resultados. Os cabeçalhos de coluna continuam sendo os nomes de campo
## da solicitação em todos os idiomas (o importador os lê de volta): não estão aqui.
# A explicação, no arquivo de resultados, de uma linha excluída na revisão.
batch-result-excluded = excluída na revisão: não enviada
# Nomes de planilha: no máximo 31 caracteres, nenhum de [ ] : * ? / \
batch-result-sheet = Resultados
batch-template-sheet = Pagamentos
batch-workbook-write-failed = não foi possível gravar a pasta de trabalho: { $error }
batch-workbook-too-many-columns = colunas demais para uma pasta de trabalho
# $country: o nome do país; $method: o que foi pedido; $choices: pares "id (rótulo)".
batch-template-no-method = { $country } não tem o método de pagamento { $method }; escolha um destes: { $choices }
batch-template-no-country = { $country } não é um país em que a mesa paga (BR, MX, CO, PE, CL, AR)
batch-template-write-failed = não foi possível gravar o modelo: { $error }

## O aviso de um lote (um aviso na tela e uma notificação do sistema). $file: o nome do
## arquivo do lote; $rows: números de linha, cada um com o código de rejeição entre parênteses.
batch-notice-late = { $count ->
    [one] { $count } pagamento rejeitado depois de COMPLETED, fundos devolvidos (linhas { $rows })
   *[other] { $count } pagamentos rejeitados depois de COMPLETED, fundos devolvidos (linhas { $rows })
}
batch-notice-rejected = { $count ->
    [one] { $count } pagamento rejeitado (linhas { $rows })
   *[other] { $count } pagamentos rejeitados (linhas { $rows })
}
batch-notice-held = { $count ->
    [one] { $count } pagamento em espera além do prazo de alerta, fundos ainda reservados (linhas { $rows })
   *[other] { $count } pagamentos em espera além do prazo de alerta, fundos ainda reservados (linhas { $rows })
}
batch-notice-title-final = Lote { $file }: todos os pagamentos são definitivos
batch-notice-title-rejected = { $count ->
    [one] Lote { $file }: { $count } pagamento rejeitado
   *[other] Lote { $file }: { $count } pagamentos rejeitados
}
batch-notice-title-held = { $count ->
    [one] Lote { $file }: { $count } pagamento em espera por tempo demais
   *[other] Lote { $file }: { $count } pagamentos em espera por tempo demais
}
batch-notice-title-late = { $count ->
    [one] Lote { $file }: rejeição tardia de { $count } pagamento
   *[other] Lote { $file }: rejeição tardia de { $count } pagamentos
}
batch-notice-title-several = Lote { $file }: há pagamentos que precisam da sua atenção
# $sent: pagamentos criados; os demais: quantos terminaram em cada status (nomes sem tradução).
batch-notice-all-final = Os { $sent } enviados são definitivos: { $completed } COMPLETED, { $rejected } REJECTED, { $cancelled } CANCELLED
# $rows: as primeiras linhas listadas; $more: quantas mais.
batch-notice-rows-more = { $rows } e mais { $more }
