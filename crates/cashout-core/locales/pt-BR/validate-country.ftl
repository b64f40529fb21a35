# Validation messages of the new-cashout form and of batch rows: each country's own rules (pt-BR).

## Brasil: o documento (CPF ou CNPJ), as chaves PIX e o código do banco.
v-br-document-type-not-allowed = O tipo de documento (document_type) para o Brasil deve ser CPF ou CNPJ, ou ficar vazio.
v-br-document-type-mismatch = O tipo de documento (document_type) não corresponde ao documento: um CPF tem 11 dígitos e um CNPJ, 14 caracteres. Corrija um dos dois.
v-br-document-wrong-length = O documento (document_id) deve ser um CPF (11 dígitos) ou um CNPJ (14 caracteres); ele tem { $len ->
        [one] { $len } letra ou dígito
       *[other] { $len } letras e dígitos
    }.
v-br-cpf-stray-character = O CPF (document_id) contém um caractere que não é dígito nem um dos separadores usuais (pontos, hífens, barras, espaços): digite-o novamente, ex.: 390.533.447-05.
v-br-cpf-length = O CPF (document_id) deve ter 11 dígitos; ele tem { $len }.
v-br-cpf-letters = O CPF (document_id) deve ter 11 dígitos, sem letras, ex.: 390.533.447-05.
v-br-cpf-repeated = O CPF (document_id) é um único dígito repetido, o que nunca é um CPF real: informe o CPF verdadeiro do beneficiário.
v-br-cpf-check-digit = Os dígitos verificadores do CPF não conferem (document_id): confira o número com o beneficiário.
v-br-cnpj-stray-character = O CNPJ (document_id) contém um caractere que não é letra, dígito nem um dos separadores usuais (pontos, hífens, barras, espaços): digite-o novamente, ex.: 16.727.230/0001-97.
v-br-cnpj-length = O CNPJ (document_id) deve ter 14 caracteres; ele tem { $len }.
v-br-cnpj-shape = O CNPJ (document_id) deve ter 12 letras ou dígitos seguidos de 2 dígitos, ex.: 16.727.230/0001-97.
v-br-cnpj-repeated = O CNPJ (document_id) é um único dígito repetido, o que nunca é um CNPJ real: informe o CNPJ verdadeiro da empresa.
v-br-cnpj-check-digit = Os dígitos verificadores do CNPJ não conferem (document_id): confira o número com o beneficiário.
v-br-cnpj-advisory = O documento (document_id) é um CNPJ, o número de uma empresa, mas a página do Brasil do provedor pede o CPF do beneficiário e a referência não confirma pagamentos a um CNPJ. Se o provedor o recusar (documento inválido, 805), pague ao CPF do titular da conta.
v-br-cnpj-letters-unconfirmed = O CNPJ (document_id) tem letras, como os CNPJs emitidos a partir de julho de 2026, e a referência ainda não confirma que o provedor os aceita. Confirme com o provedor antes de enviar um valor alto.
v-br-pix-random-key-refused = Chaves PIX aleatórias não podem ser enviadas: a referência do provedor não confirma nenhum código de banco para elas, e o único campo que poderia levar a chave (bank_account) aceita no máximo 30 caracteres, enquanto uma chave aleatória tem 36. Peça ao beneficiário outra chave PIX (CPF ou CNPJ, telefone ou e-mail) ou a conta bancária dele.
v-br-pix-leave-account-empty = Deixe o número da conta (bank_account) vazio para este tipo de chave PIX: a chave é obtida de outro campo.
v-br-pix-leave-branch-empty = Deixe a agência (bank_branch) vazia para um pagamento PIX.
v-br-pix-phone-required = Informe o telefone do beneficiário (phone): ele é a chave PIX deste pagamento, ex.: +55 11 98765-4321.
v-br-pix-phone-not-mobile = Chaves PIX de telefone são números de celular brasileiros (+55, o DDD e depois 9 dígitos começando com 9), e este telefone (phone) não é um deles, então a consulta da chave provavelmente vai falhar (chave PIX inválida, 814). Confira a chave com o beneficiário.
v-br-pix-email-required = Informe o e-mail do beneficiário (email): ele é a chave PIX deste pagamento.
v-br-pix-email-long = A chave PIX de e-mail (email) tem mais de { $max } caracteres, o limite que muitos sistemas PIX aplicam; o provedor aceita até 100, mas a chave pode não ser encontrada. Confira a chave com o beneficiário.
v-br-bank-code-required = Informe o código do banco (bank_code): o código de 3 dígitos do banco ou o ISPB de 8 dígitos, ou um código PIX (10000 telefone, 10001 e-mail, 10002 documento).
v-br-bank-code-unknown = O código do banco (bank_code) não é um código brasileiro conhecido: use o código de 3 dígitos do banco ou o ISPB de 8 dígitos, ou um código PIX (10000 telefone, 10001 e-mail, 10002 documento).

## Brasil, transferências bancárias: conta, agência e tipo de conta.
v-br-bank-account-required = Informe o número da conta do beneficiário (bank_account) para uma transferência bancária.
# $bank: "known" (um banco da tabela: "este banco") ou "other" (qualquer banco brasileiro);
# $last: "x" (o caractere verificador pode ser X) ou "digit"; $count, $min, $max: quantidades de dígitos.
v-br-bank-account-shape-fixed = O número da conta (bank_account) não tem o formato usado por { $bank ->
        [known] este banco
       *[other] um banco brasileiro
    }: { $count } dígitos, depois um hífen opcional e um caractere verificador ({ $last ->
        [x] um dígito ou X
       *[digit] um dígito
    }).
v-br-bank-account-shape-range = O número da conta (bank_account) não tem o formato usado por { $bank ->
        [known] este banco
       *[other] um banco brasileiro
    }: de { $min } a { $max } dígitos, depois um hífen opcional e um caractere verificador ({ $last ->
        [x] um dígito ou X
       *[digit] um dígito
    }).
v-br-bank-branch-required = Informe o número da agência (bank_branch) para uma transferência bancária.
v-br-bank-branch-format = A agência (bank_branch) deve ter de 1 a 5 dígitos, seguidos opcionalmente de um dígito verificador ou X, ex.: 1234 ou 1234-5.
v-br-bank-account-type-choices = C (corrente) ou S (poupança)

## México: o documento (CURP, RFC, IFE, passaporte) e a CLABE.
v-mx-document-type-not-allowed = O tipo de documento (document_type) para o México deve ser CURP, RFC, IFE ou PASS, ou ficar vazio.
v-mx-document-format = O documento (document_id) para o México deve ter de 7 a 18 letras e dígitos (CURP, RFC, IFE ou número do passaporte).
v-mx-document-type-ife-mismatch = O tipo de documento (document_type) diz IFE, mas o documento tem o formato de { $named ->
        [CURP] uma CURP
       *[other] um { $named }
    }: mude o tipo para { $named } ou informe o número da IFE.
v-mx-curp-shape = A CURP (document_id) deve ter 18 caracteres: 4 letras, a data de nascimento como AAMMDD, H ou M, a sigla de 2 letras do estado, 3 letras e depois 2 caracteres, ex.: BOXW310820HNERXN09.
v-mx-curp-date = A CURP (document_id) contém uma data de nascimento (AAMMDD, depois das 4 primeiras letras) que não existe, como um mês 13 ou 30 de fevereiro: confira a CURP com o beneficiário.
v-mx-curp-check-digit = O dígito verificador da CURP não confere (document_id): confira a CURP com o beneficiário.
v-mx-rfc-shape = O RFC (document_id) deve ter 12 caracteres para uma empresa ou 13 para uma pessoa: 3 ou 4 letras, a data como AAMMDD e depois a homoclave de 3 caracteres.
v-mx-rfc-date = O RFC (document_id) contém uma data (AAMMDD, depois das letras) que não existe, como um mês 13 ou 30 de fevereiro: confira o RFC com o beneficiário.
v-mx-rfc-check-advisory = O último caractere do RFC (document_id) não confere com o caractere verificador calculado a partir dos demais. Cerca de 1,5% dos RFCs emitidos pela autoridade fiscal mexicana (SAT) não passam nessa verificação, por isso ele não é recusado: em caso de dúvida, confirme o RFC com o beneficiário.
v-mx-clabe-required = Informe a CLABE do beneficiário (bank_account): o número de conta interbancário de 18 dígitos.
v-mx-clabe-digits-only = A CLABE (bank_account) deve conter apenas dígitos: 18 ao todo.
v-mx-clabe-check-digit = O dígito verificador da CLABE (o último dígito) não confere (bank_account): confira a CLABE com o beneficiário.
v-mx-bank-code-mismatch = O código do banco (bank_code) não corresponde ao banco da CLABE (os 3 primeiros dígitos dela). Deixe o código do banco vazio: a CLABE já indica qual é o banco.
v-mx-card-number = Isto parece um número de cartão de débito, não uma CLABE (bank_account). Pagamentos a cartões de débito passam por um endpoint de cartões separado do provedor, que o Cashout Desk não usa: peça ao beneficiário a CLABE de 18 dígitos dele.
v-mx-clabe-length = A CLABE (bank_account) deve ter exatamente 18 dígitos.

## Colômbia: o documento (CC, NIT, CE, passaporte), o endereço, os pagamentos a bancos e a carteiras.
v-co-document-type-required = Informe o tipo de documento (document_type) para a Colômbia: CC, NIT, CE ou PASS.
v-co-document-type-not-allowed = O tipo de documento (document_type) para a Colômbia deve ser CC (documento de identidade), NIT (número de identificação fiscal), CE (documento de estrangeiro) ou PASS (passaporte).
v-co-document-passport = O documento (document_id) do tipo passaporte deve ter de 6 a 10 letras ou dígitos.
# $kind: CC ou CE.
v-co-document-digits = O documento (document_id) do tipo { $kind } deve ter de 6 a 10 dígitos.
v-co-document-nit = O documento (document_id) do tipo NIT deve ter de 8 a 15 dígitos, ex.: 213.123.432-1.
v-co-nit-check-digit = O dígito verificador do NIT (o último dígito) não confere (document_id): confira o NIT com o beneficiário.
v-co-nit-unverified = O NIT (document_id) foi informado sem separadores, então não se sabe se o último dígito é um dígito verificador e não foi possível verificá-lo. Se for, escreva-o depois de um hífen (ex.: 213.123.432-1) para que seja verificado.
v-co-bank-code-required = Informe o código do banco (bank_code): o código do banco na lista do provedor, ou 1507 Nequi, 1551 Daviplata, 10003 Efecty, 10006 Punto Red.
v-co-bank-code-unknown = O código do banco (bank_code) não é um código de banco colombiano: use o código numérico da lista de bancos do provedor.
v-co-wallet-leave-account-empty = Deixe o número da conta (bank_account) vazio para este método de pagamento: o beneficiário é identificado pelo telefone.
v-co-mobile-required = Informe o celular do beneficiário (phone) como +57 e 10 dígitos, ex.: +573001234567.
v-co-bank-account-required = Informe o número da conta do beneficiário (bank_account) para uma transferência bancária.
v-co-bank-account-format = O número da conta (bank_account) deve ter de 8 a 19 dígitos.
v-co-account-type-choices = C (corrente) ou S (poupança)
v-co-wallet-number-required = Informe o celular da carteira do beneficiário no campo da conta (bank_account), só com dígitos, ex.: 3001234567.
v-co-wallet-number-too-long = O celular da carteira (bank_account) tem mais de 20 dígitos.
v-co-wallet-number-format = O celular da carteira (bank_account) deve ter só dígitos, sem + nem letras, ex.: 3001234567.
v-co-punto-red-email-required = Informe o e-mail do beneficiário (email): o Punto Red precisa do telefone e do e-mail.
v-co-address-required = Informe o endereço do beneficiário (address): ele é obrigatório para a Colômbia.

## Chile: o RUT, o código do banco, a conta e o tipo dela.
v-cl-document-type-not-allowed = O tipo de documento (document_type) para o Chile deve ser ID, RUN ou RUT, ou ficar vazio.
v-cl-rut-format = O RUT (document_id) deve ter 7 ou 8 dígitos seguidos de um dígito verificador ou K, ex.: 12.531.909-2.
v-cl-rut-check-digit = O dígito verificador do RUT (depois do hífen) não confere (document_id): confira o RUT com o beneficiário.
v-cl-bank-code-required = Informe o código do banco (bank_code), ex.: 001 Banco de Chile, 012 BancoEstado, 037 Santander.
v-cl-bank-code-unknown = O código do banco (bank_code) não é um código de banco chileno: use o código numérico da lista de bancos do provedor, ex.: 001 Banco de Chile.
v-cl-bank-account-required = Informe o número da conta do beneficiário (bank_account).
v-cl-bank-account-format = O número da conta (bank_account) deve ter de 6 a 16 dígitos.
v-cl-account-type-choices = C (corrente), S (poupança) ou V (conta vista / conta salário)

## Argentina: o documento (DNI, CUIT, CUIL), o CBU ou CVU, e o iCash.
v-ar-document-type-not-allowed = O tipo de documento (document_type) para a Argentina deve ser DNI, CUIT ou CUIL, ou ficar vazio.
v-ar-document-type-dni-mismatch = O tipo de documento (document_type) diz DNI, mas o documento tem 11 dígitos, como um CUIT/CUIL: mude o tipo para CUIT ou CUIL, ou informe o DNI.
v-ar-cuit-prefix = O CUIT/CUIL (document_id) deve começar com 20, 23, 24, 27, 30, 33 ou 34.
v-ar-cuit-check-digit = O dígito verificador do CUIT/CUIL (o último dígito) não confere (document_id): confira o número com o beneficiário.
v-ar-document-format = O documento (document_id) deve ser um DNI de 7 a 9 dígitos ou um CUIT/CUIL de 11 dígitos, ex.: 20-05536168-2.
v-ar-cbu-required = Informe o CBU ou CVU do beneficiário (bank_account): 22 dígitos.
v-ar-cbu-length = O CBU ou CVU (bank_account) deve ter exatamente 22 dígitos.
v-ar-cbu-check-digit = Os dígitos verificadores do CBU/CVU (o 8º e o último dígito) não conferem (bank_account): confira o número com o beneficiário.
v-ar-bank-code-mismatch = O código do banco (bank_code) não corresponde aos 3 primeiros dígitos do CBU/CVU (bank_account). Deixe o código do banco vazio: o CBU já indica qual é o banco.
v-ar-icash-leave-account-empty = Deixe o número da conta (bank_account) vazio para o iCash: o beneficiário é identificado pelo e-mail.
v-ar-icash-email-required = Informe o e-mail do beneficiário (email): os pagamentos iCash são enviados para ele.
v-ar-email-unconfirmed = Sem e-mail (email): a página da Argentina do provedor o lista como obrigatório, e a referência não confirma que uma transferência bancária seja aceita sem ele. Adicione o e-mail do beneficiário, se você o tiver.

## Peru: o documento (DNI, RUC, CE, passaporte), o CCI, e Yape/Plin.
v-pe-dni-format = O DNI (document_id) deve ter 8 dígitos, seguidos opcionalmente do caractere verificador (um dígito ou uma letra de A a K), ex.: 10117410-2.
v-pe-dni-check-character = O caractere verificador do DNI (o 9º, depois do hífen) não confere (document_id): confira o DNI com o beneficiário ou informe só os 8 dígitos.
v-pe-document-type-required = Informe o tipo de documento (document_type) para o Peru: DNI, RUC, CE ou PASS.
v-pe-document-type-not-allowed = O tipo de documento (document_type) para o Peru deve ser DNI, RUC, CE (documento de estrangeiro) ou PASS (passaporte).
v-pe-ruc-check-digit = O dígito verificador do RUC (o último dígito) não confere (document_id): confira o RUC com o beneficiário.
v-pe-ruc-format = O RUC (document_id) deve ter 11 dígitos e começar com 10, 15, 17 ou 20.
# $kind: CE ou PASS.
v-pe-ce-pass-format = O número do documento { $kind } (document_id) deve ter de 6 a 12 letras ou dígitos.
v-pe-cci-required = Informe o CCI do beneficiário (bank_account): o código de conta interbancário de 20 dígitos.
v-pe-cci-digits-only = O CCI (bank_account) deve conter apenas dígitos.
v-pe-cci-check-digit = Os dígitos verificadores do CCI (os dois últimos dígitos) não conferem (bank_account): confira o CCI com o beneficiário.
v-pe-cci-legacy-unconfirmed = A conta (bank_account) tem 18 dígitos terminados em 00, um formato antigo que o código de exemplo do provedor deixa passar sem dígitos verificadores; a referência não confirma que o provedor ainda o aceita. Se puder, peça ao beneficiário o CCI de 20 dígitos.
v-pe-cci-length = O CCI (bank_account) deve ter 20 dígitos (ou 18 dígitos terminados em 00).
v-pe-cci-unknown-bank = Os 3 primeiros dígitos do CCI (bank_account) não são um código de banco peruano conhecido: confira o CCI com o beneficiário.
v-pe-bank-code-mismatch = O código do banco (bank_code) não corresponde ao banco do CCI (os 3 primeiros dígitos dele). Deixe o código do banco vazio: o CCI já indica qual é o banco.
v-pe-bank-code-unknown = O código do banco (bank_code) não é um código peruano conhecido: deixe-o vazio para uma transferência bancária (o CCI indica o banco) ou use 901 Yape ou 902 Plin.
v-pe-wallet-leave-account-empty = Deixe o número da conta (bank_account) vazio para Yape e Plin: o beneficiário é identificado pelo telefone.
v-pe-wallet-phone-required = Informe o telefone do beneficiário (phone) para Yape ou Plin: 10 ou 11 dígitos, opcionalmente depois de um sinal de mais, ex.: +51987654321.
